package dev.custodian.crm.core.common;

import dev.custodian.crm.core.common.paging.CustomColumn;
import dev.custodian.crm.core.common.paging.Filter;
import dev.custodian.crm.core.common.paging.ListOffer;
import dev.custodian.crm.core.common.paging.TextOrder;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Test fake: how an in-memory store reads a list's fields from its rows, for {@link InMemoryPaging}:
 * the row's id, and each field the list's offer filters or sorts on (its raw value, {@code null}
 * when empty; a text sort's key is computed from it, as the database adapter stores it).
 *
 * @param <V> the row
 */
public final class ListFields<V> {

  private final Function<V, UUID> id;
  private final Map<String, Function<V, ?>> fields = new LinkedHashMap<>();
  private final Map<String, Function<V, Collection<?>>> manyValued = new LinkedHashMap<>();
  private Function<CustomColumn, Function<V, Object>> custom = column -> {
    throw new IllegalStateException("the store reads no custom fields for its list");
  };
  private Function<V, List<String>> searched = row -> {
    throw new IllegalStateException("the store searches no field of its list");
  };

  private ListFields(Function<V, UUID> id) {
    this.id = Objects.requireNonNull(id, "id");
  }

  /** Rows identified by {@code id}. */
  public static <V> ListFields<V> of(Function<V, UUID> id) {
    return new ListFields<>(id);
  }

  /** The field {@code name} of a row. */
  public ListFields<V> with(String name, Function<V, ?> value) {
    fields.put(name, Objects.requireNonNull(value, "value"));
    return this;
  }

  /** The many-valued field {@code name} of a row (filtered on only): a row passes when any value does. */
  public ListFields<V> withEach(String name, Function<V, Collection<?>> values) {
    manyValued.put(name, Objects.requireNonNull(values, "values"));
    return this;
  }

  /**
   * A copy of these fields whose rows' custom values are read by {@code values} (a reader per
   * column, asked once per page), for lists by custom fields: the part of a row's value that
   * {@code column} names ({@code null} without one); a TEXT part as its sort key; an OPTION part as
   * the collection of the chosen options' keys (empty without one).
   */
  public ListFields<V> withCustom(Function<CustomColumn, Function<V, Object>> values) {
    ListFields<V> copy = new ListFields<>(id); // a copy: a store's shared declaration stays without
    copy.fields.putAll(fields);
    copy.manyValued.putAll(manyValued);
    copy.searched = searched;
    copy.custom = Objects.requireNonNull(values, "values");
    return copy;
  }

  /** Whether a row passes {@code filter}, as the database adapter decides it. */
  boolean test(V row, Filter filter) {
    return test(row, filter, null, null);
  }

  /** As {@link #test(Object, Filter)}, a custom field's filter read as {@code offer} resolved it. */
  boolean test(V row, Filter filter, ListOffer offer, Function<CustomColumn, Function<V, Object>> readers) {
    Optional<CustomColumn> column = offer == null ? Optional.empty() : offer.customFilterColumn(filter.field());
    if (column.isPresent()) {
      Object value = readers.apply(column.get()).apply(row);
      if (column.get().part() == CustomColumn.Part.OPTION) {
        return filter.testAny((Collection<?>) value);
      }
      if (column.get().part() == CustomColumn.Part.TEXT && filter.operator() != Filter.Operator.EMPTY) {
        // compared as the store's sort key: ignoring case
        filter = new Filter(filter.field(), filter.type(), filter.operator(),
            filter.values().stream().map(v -> (Object) TextOrder.key((String) v)).toList());
      }
      return filter.test(value);
    }
    Function<V, Collection<?>> many = manyValued.get(filter.field());
    return many != null ? filter.testAny(many.apply(row)) : filter.test(value(row, filter.field()));
  }

  /** The value a row sorts by on {@code field}, a custom one read as {@code offer} resolved it. */
  Object sortValue(V row, String field, ListOffer offer, Function<CustomColumn, Function<V, Object>> readers) {
    Optional<CustomColumn> column = offer.customSortColumn(field);
    return column.isPresent() ? readers.apply(column.get()).apply(row) : value(row, field);
  }

  /** The custom value readers of one page: each asked of the store once. */
  Function<CustomColumn, Function<V, Object>> customReaders() {
    Map<CustomColumn, Function<V, Object>> readers = new HashMap<>();
    return column -> readers.computeIfAbsent(column, custom);
  }

  /** The texts of a row a search ({@code q}) matches in, each {@code null} when empty. */
  public ListFields<V> searching(Function<V, List<String>> texts) {
    this.searched = Objects.requireNonNull(texts, "texts");
    return this;
  }

  List<String> searched(V row) {
    return searched.apply(row);
  }

  UUID id(V row) {
    return id.apply(row);
  }

  Object value(V row, String name) {
    Function<V, ?> field = fields.get(name);
    if (field == null) {
      throw new IllegalStateException("the store reads no field " + name + " for its list");
    }
    return field.apply(row);
  }
}
