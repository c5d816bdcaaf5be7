package dev.custodian.crm.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.common.paging.Filter;
import dev.custodian.crm.core.common.paging.ListOffer;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.SortDirection;
import dev.custodian.crm.core.common.paging.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The walk order's rules for text with empty values, checked alike on every paging implementation
 * (the in-memory one, the jOOQ one on PostgreSQL) with one table of names: case is ignored, keys
 * compare by code point (not by UTF-16 unit), {@code ""} and {@code null} are both empty and come
 * last both ways, ties go by id in PostgreSQL's uuid order; text filters compare the values
 * themselves, exactly.
 */
public final class SortOrderCheck {

  /** One row of the table: an id and a name ({@code null}, or {@code ""}, when empty). */
  public record Row(UUID id, String name) {}

  public static final String NAME = "name";

  /** A list of these rows: every filter and the sort on {@code name}. */
  public static final ListOffer OFFER = ListOffer.builder()
      .filter(NAME, ValueType.TEXT, Filter.Operator.ANY_OF, Filter.Operator.AT_LEAST, Filter.Operator.AT_MOST,
          Filter.Operator.EMPTY)
      .sort(NAME, ValueType.TEXT)
      .defaultSort(NAME, SortDirection.ASCENDING)
      .build();

  public static final List<Row> ROWS = List.of(
      row("00000000-0000-4000-8000-000000000001", "Ada"),
      row("80000000-0000-4000-8000-000000000002", "ada"),
      row("00000000-0000-4000-8000-000000000003", "émile"),
      row("00000000-0000-4000-8000-000000000004", "Zoë"),
      row("00000000-0000-4000-8000-000000000005", "𝒜lice"),
      row("00000000-0000-4000-8000-000000000006", "Ｚed"),
      row("00000000-0000-4000-8000-000000000007", ""),
      row("00000000-0000-4000-8000-000000000008", null),
      row("80000000-0000-4000-8000-000000000009", null),
      row("00000000-0000-4000-8000-00000000000a", "bob"));

  private SortOrderCheck() {}

  /** Walks {@link #ROWS}, stored by the implementation under test and listed by {@code list}, each way. */
  public static void check(Function<ListQuery, Page<Row>> list) {
    // "ｚ" (U+FF5A) before "𝒜" (U+1D49C): code points; String.compareTo puts the surrogate pair first.
    assertThat(ids(walk(list, "sort", "name", "limit", "2")))
        .containsExactly("1", "80000000-2", "a", "4", "3", "6", "5", "7", "8", "80000000-9");
    assertThat(ids(walk(list, "sort", "-name", "limit", "2")))
        .containsExactly("5", "6", "3", "4", "a", "80000000-2", "1", "80000000-9", "8", "7");
    assertThat(ids(walk(list, "name.empty", "true", "limit", "1"))).containsExactly("7", "8", "80000000-9");
    assertThat(ids(walk(list, "name.empty", "false", "sort", "-name", "limit", "3")))
        .containsExactly("5", "6", "3", "4", "a", "80000000-2", "1");
    assertThat(ids(walk(list, "name", "ada", "name", "Zoë"))).containsExactly("80000000-2", "4");
    assertThat(ids(walk(list, "name.gte", "b", "name.lte", "z"))).as("raw values, by code point").containsExactly("a");
    assertThat(ids(walk(list, "name.gte", "Z", "sort", "-name"))).containsExactly("5", "6", "3", "4", "a", "80000000-2");
  }

  private static List<Row> walk(Function<ListQuery, Page<Row>> list, String... nameValuePairs) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      parameters.computeIfAbsent(nameValuePairs[i], k -> new ArrayList<>()).add(nameValuePairs[i + 1]);
    }
    return KeysetWalkCheck.walk(list, ListQuery.of(OFFER, parameters));
  }

  /** Short names of ids: the last hex digits, with the high part when it is set. */
  private static List<String> ids(List<Row> rows) {
    return rows.stream().map(r -> {
      String id = r.id().toString();
      String tail = id.substring(id.length() - 1);
      return id.startsWith("8") ? "80000000-" + tail : tail;
    }).toList();
  }

  private static Row row(String id, String name) {
    return new Row(UUID.fromString(id), name);
  }
}
