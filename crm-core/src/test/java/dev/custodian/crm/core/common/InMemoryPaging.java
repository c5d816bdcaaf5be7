package dev.custodian.crm.core.common;

import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageCursor;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.paging.UuidOrder;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Test fake: the keyset walk of the in-memory stores, oldest first (time, then id in PostgreSQL's
 * uuid order); one implementation, so {@code KeysetWalkCheck} proves it once for all of them.
 */
public final class InMemoryPaging {

  private static final Comparator<PageCursor> ORDER =
      Comparator.comparing(PageCursor::createdAt).thenComparing(PageCursor::id, UuidOrder.UNSIGNED);

  private InMemoryPaging() {}

  /** One page of {@code rows} after the request's cursor, each row placed by {@code positionOf}. */
  public static <V> Page<V> page(Stream<V> rows, Function<V, PageCursor> positionOf, PageRequest request) {
    List<V> fetched = rows
        .filter(row -> request.after().map(after -> ORDER.compare(positionOf.apply(row), after) > 0).orElse(true))
        .sorted(Comparator.comparing(positionOf, ORDER))
        .limit(request.limit() + 1L)
        .toList();
    return Page.fromLookahead(fetched, request.limit(), positionOf::apply);
  }
}
