package dev.custodian.crm.core.common.paging;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One condition of a list query on one field: {@code f=v} (repeated: any of the values),
 * {@code f.gte=v}, {@code f.lte=v} or {@code f.empty=true|false}. Every filter of a query must
 * hold. A row whose value is empty matches only {@code f.empty=true}.
 *
 * @param values the values in canonical order without repeats; one {@link Boolean} for
 *     {@link Operator#EMPTY}, one value for the bounds
 */
public record Filter(String field, ValueType type, Operator operator, List<Object> values) {

  /** What a filter asks of a row's value, and its parameter's suffix. */
  public enum Operator {
    /** {@code f=v}: equal to one of the values. */
    ANY_OF(""),
    /** {@code f.gte=v}: at least the value. */
    AT_LEAST(".gte"),
    /** {@code f.lte=v}: at most the value. */
    AT_MOST(".lte"),
    /** {@code f.empty=true|false}: the value is empty, or is not. */
    EMPTY(".empty");

    private final String suffix;

    Operator(String suffix) {
      this.suffix = suffix;
    }

    /** The parameter's name after the field's: {@code ""}, {@code .gte}, {@code .lte} or {@code .empty}. */
    public String suffix() {
      return suffix;
    }
  }

  public Filter {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(operator, "operator");
    if (operator == Operator.EMPTY) {
      if (values.size() != 1 || !(values.get(0) instanceof Boolean)) {
        throw new IllegalArgumentException("an empty filter holds one boolean");
      }
      values = List.copyOf(values);
    } else {
      Map<String, Object> canonical = new TreeMap<>(); // by canonical text: no repeats, one order
      for (Object value : values) {
        canonical.putIfAbsent(type.format(value), type.canonical(value));
      }
      values = List.copyOf(canonical.values());
      if (values.isEmpty() || operator != Operator.ANY_OF && values.size() != 1) {
        throw new IllegalArgumentException("a filter holds one value, or any number for any of");
      }
    }
  }

  public static Filter anyOf(String field, ValueType type, List<?> values) {
    return new Filter(field, type, Operator.ANY_OF, List.copyOf(values));
  }

  public static Filter atLeast(String field, ValueType type, Object value) {
    return new Filter(field, type, Operator.AT_LEAST, List.of(value));
  }

  public static Filter atMost(String field, ValueType type, Object value) {
    return new Filter(field, type, Operator.AT_MOST, List.of(value));
  }

  public static Filter empty(String field, ValueType type, boolean empty) {
    return new Filter(field, type, Operator.EMPTY, List.of(empty));
  }

  /** The one value of a bound or of an empty filter. */
  public Object value() {
    return values.get(0);
  }

  /** The parameter this filter is given by, e.g. {@code createdAt.gte}. */
  public String parameter() {
    return field + operator.suffix();
  }

  /** The canonical text of this filter, for the query's {@linkplain ListQuery#scope() scope}. */
  String canonical() {
    StringBuilder text = new StringBuilder(parameter()).append('=');
    for (Object value : values) {
      String v = value instanceof Boolean b ? b.toString() : type.format(value);
      text.append(v.length()).append(':').append(v);
    }
    return text.toString();
  }

  /**
   * Whether a row with these values of a many-valued field (e.g. a deal's contacts) passes this
   * filter: {@code .empty} asks whether it has none; the others whether any one value passes.
   */
  public boolean testAny(Collection<?> rowValues) {
    return operator == Operator.EMPTY
        ? rowValues.isEmpty() == (Boolean) value()
        : rowValues.stream().anyMatch(this::test);
  }

  /** Whether a row's value passes this filter, as the SQL of the jOOQ adapter decides it. */
  public boolean test(Object rowValue) {
    boolean empty = type.isEmpty(rowValue);
    return switch (operator) {
      case EMPTY -> empty == (Boolean) value();
      case ANY_OF -> !empty && values.stream().anyMatch(v -> type.order().compare(rowValue, v) == 0);
      case AT_LEAST -> !empty && type.order().compare(rowValue, value()) >= 0;
      case AT_MOST -> !empty && type.order().compare(rowValue, value()) <= 0;
    };
  }
}
