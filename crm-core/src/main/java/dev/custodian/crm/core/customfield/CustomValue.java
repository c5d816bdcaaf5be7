package dev.custodian.crm.core.customfield;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.Money;
import dev.custodian.crm.core.common.PhoneNumber;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One custom field's value on a record, of its field's type: {@code TEXT} a {@link String},
 * {@code NUMBER} a {@link Long}, {@code DECIMAL} a {@link BigDecimal} (without trailing zeros), {@code DATE} a
 * {@link LocalDate}, {@code BOOLEAN} a {@link Boolean}, {@code SINGLE_SELECT} a
 * {@link FieldOptionId}, {@code MULTI_SELECT} a non-empty {@code List<FieldOptionId>},
 * {@code EMAIL} an {@link EmailAddress}, {@code PHONE} a {@link PhoneNumber}, {@code URL} a
 * {@link URI}, {@code CURRENCY} {@link Money}. Built by {@link CustomValues#read}; its
 * {@link #toString()} never shows the value (a value may be sensitive, CRM-01).
 */
public record CustomValue(CustomFieldType type, Object value) {

  public CustomValue {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    Class<?> expected = switch (type) {
      case TEXT -> String.class;
      case NUMBER -> Long.class;
      case DECIMAL -> BigDecimal.class;
      case DATE -> LocalDate.class;
      case BOOLEAN -> Boolean.class;
      case SINGLE_SELECT -> FieldOptionId.class;
      case MULTI_SELECT -> List.class;
      case EMAIL -> EmailAddress.class;
      case PHONE -> PhoneNumber.class;
      case URL -> URI.class;
      case CURRENCY -> Money.class;
    };
    if (!expected.isInstance(value)) {
      throw new IllegalArgumentException("a " + type + " value is a " + expected.getSimpleName());
    }
    if (value instanceof List<?> options) {
      if (options.isEmpty() || !options.stream().allMatch(FieldOptionId.class::isInstance)
          || options.stream().distinct().count() != options.size()) {
        throw new IllegalArgumentException("a MULTI_SELECT value is one or more distinct options");
      }
      value = List.copyOf(options);
    }
  }

  /** The value's options: a select value's, else none. */
  @SuppressWarnings("unchecked")
  public List<FieldOptionId> options() {
    return switch (type) {
      case SINGLE_SELECT -> List.of((FieldOptionId) value);
      case MULTI_SELECT -> (List<FieldOptionId>) value;
      default -> List.of();
    };
  }

  /** Same type and value; a {@code MULTI_SELECT}'s options compare as a set (a store keeps no order). */
  @Override
  public boolean equals(Object o) {
    return o instanceof CustomValue other && type == other.type && (type == CustomFieldType.MULTI_SELECT
        ? java.util.Set.copyOf(options()).equals(java.util.Set.copyOf(other.options()))
        : value.equals(other.value));
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, type == CustomFieldType.MULTI_SELECT ? java.util.Set.copyOf(options()) : value);
  }

  /** The type only: a value may be sensitive. */
  @Override
  public String toString() {
    return "CustomValue[" + type + ", redacted]";
  }
}
