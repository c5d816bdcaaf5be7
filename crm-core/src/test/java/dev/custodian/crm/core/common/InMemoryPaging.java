package dev.custodian.crm.core.common;

import dev.custodian.crm.core.common.paging.CustomColumn;
import dev.custodian.crm.core.common.paging.Filter;
import dev.custodian.crm.core.common.paging.ListOffer;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.paging.Sort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Test fake: the keyset walk of the in-memory stores, as the list grammar asks it (filters, then
 * the sort's walk order, {@link Sort#compare}: empty values last both ways, text by its
 * case-folded key in code-point order, ties by id in PostgreSQL's uuid order); one implementation,
 * so {@code KeysetWalkCheck} proves it once for all of them.
 */
public final class InMemoryPaging {

  private InMemoryPaging() {}

  /** One page of {@code rows} for {@code query}, each row's fields read by {@code fields}. */
  public static <V> Page<V> page(Stream<V> rows, ListQuery query, ListFields<V> fields) {
    query.requireResolved();
    Sort sort = query.sort();
    Function<CustomColumn, Function<V, Object>> readers = fields.customReaders();
    Comparator<Placed<V>> order = (x, y) -> sort.compare(x.key(), x.id(), y.key(), y.id());
    int wanted = query.page().limit() + 1;
    // The first rows in the walk's order: the page and one more, kept as they come (not all sorted).
    PriorityQueue<Placed<V>> lastFirst = new PriorityQueue<>(wanted + 1, order.reversed());
    rows
        .filter(row -> query.filters().stream().allMatch(f -> fields.test(row, f, query.offer(), readers)))
        .filter(row -> query.search().map(q -> fields.searched(row).stream().anyMatch(text -> ListQuery.matches(text, q)))
            .orElse(true))
        .map(row -> new Placed<>(row, sort.type().sortKey(fields.sortValue(row, sort.field(), query.offer(), readers)), fields.id(row)))
        .filter(placed -> query.page().after()
            .map(after -> sort.compare(placed.key(), placed.id(), after.key(), after.id()) > 0)
            .orElse(true))
        .forEachOrdered(placed -> {
          lastFirst.add(placed);
          if (lastFirst.size() > wanted) {
            lastFirst.poll();
          }
        });
    List<Placed<V>> fetched = new ArrayList<>(lastFirst);
    fetched.sort(order);
    return Page.fromLookahead(fetched, query.page().limit(), last -> query.cursorAt(last.key(), last.id()))
        .map(Placed::row);
  }

  /** Whether a row passes every filter (as a list or an aggregate over one asks). */
  public static <V> boolean matches(V row, List<Filter> filters, ListFields<V> fields) {
    return filters.stream().allMatch(f -> fields.test(row, f));
  }

  /** A row with its place in the walk: its sort key ({@code null} when empty) and id. */
  private record Placed<V>(V row, Object key, UUID id) {}

  /** One page of {@code rows} oldest first ({@link ListOffer#OLDEST_FIRST}): by {@code time}, then id. */
  public static <V> Page<V> page(Stream<V> rows, Function<V, Instant> time, Function<V, UUID> id, PageRequest request) {
    ListQuery query = new ListQuery(ListOffer.OLDEST_FIRST, List.of(), ListOffer.OLDEST_FIRST.defaultSort(), request);
    return page(rows, query, ListFields.of(id).with(query.sort().field(), time));
  }
}
