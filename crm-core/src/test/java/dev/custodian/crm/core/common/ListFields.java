package dev.custodian.crm.core.common;

import dev.custodian.crm.core.common.paging.Filter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

  /** Whether a row passes {@code filter}, as the database adapter decides it. */
  boolean test(V row, Filter filter) {
    Function<V, Collection<?>> many = manyValued.get(filter.field());
    return many != null ? filter.testAny(many.apply(row)) : filter.test(value(row, filter.field()));
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
