package dev.custodian.crm.core.common.paging;

import java.util.Objects;
import java.util.UUID;

/**
 * The order of a list: one field, its value type, and a direction. The walk order is the one rule
 * every adapter follows: rows with an empty value come last in both directions; the others by
 * their sort key ({@link ValueType#sortKey}) in the type's {@linkplain ValueType#order() order},
 * reversed when descending; ties by id in PostgreSQL's uuid order, ascending for an ascending sort
 * and descending for a descending one.
 */
public record Sort(String field, ValueType type, SortDirection direction) {

  public Sort {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(direction, "direction");
  }

  public static Sort ascending(String field, ValueType type) {
    return new Sort(field, type, SortDirection.ASCENDING);
  }

  public boolean descending() {
    return direction == SortDirection.DESCENDING;
  }

  /** As the {@code sort} parameter names it: {@code field}, or {@code -field} when descending. */
  public String parameter() {
    return (descending() ? "-" : "") + field;
  }

  /**
   * Compares two positions in the walk: a row's sort key ({@code null} when empty) and its id.
   *
   * @return negative when the first comes first
   */
  public int compare(Object key, UUID id, Object otherKey, UUID otherId) {
    if (key == null || otherKey == null) {
      if (key != otherKey) {
        return key == null ? 1 : -1; // empty last, both ways
      }
    } else {
      int byKey = type.order().compare(key, otherKey);
      if (byKey != 0) {
        return descending() ? -byKey : byKey;
      }
    }
    int byId = UuidOrder.UNSIGNED.compare(id, otherId);
    return descending() ? -byId : byId;
  }
}
