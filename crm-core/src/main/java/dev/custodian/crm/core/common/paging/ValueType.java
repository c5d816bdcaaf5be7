package dev.custodian.crm.core.common.paging;

import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.common.validation.Text;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The type of a list field's values, as filters and cursors carry them: how a query parameter is
 * read (strictly: a value PostgreSQL could not hold, or hold exactly, is refused), its canonical
 * text, its sort key and the order of its keys. Values are Java objects of one class per kind:
 * {@link java.util.UUID}, {@link Instant} (at most microseconds, years 1 to 9999),
 * {@link LocalDate}, {@link String} (text and enum constants), {@link BigDecimal}, {@link Long} and
 * {@link Boolean}.
 *
 * @param kind what the values are
 * @param constants the lower-case constants of an {@link Kind#ENUM}; empty for the other kinds
 */
public record ValueType(Kind kind, List<String> constants) {

  /** The kinds of values a list field can hold. */
  public enum Kind {
    UUID,
    INSTANT,
    DATE,
    TEXT,
    ENUM,
    DECIMAL,
    /** A 64-bit whole number ({@link Long}). */
    INTEGER,
    /** A wide decimal ({@link BigDecimal}): up to 30 digits before the point and 10 after (a custom DECIMAL). */
    NUMERIC,
    BOOLEAN
  }

  public static final ValueType UUID = new ValueType(Kind.UUID, List.of());
  public static final ValueType INSTANT = new ValueType(Kind.INSTANT, List.of());
  public static final ValueType DATE = new ValueType(Kind.DATE, List.of());
  public static final ValueType TEXT = new ValueType(Kind.TEXT, List.of());
  public static final ValueType DECIMAL = new ValueType(Kind.DECIMAL, List.of());
  public static final ValueType INTEGER = new ValueType(Kind.INTEGER, List.of());
  public static final ValueType NUMERIC = new ValueType(Kind.NUMERIC, List.of());
  public static final ValueType BOOLEAN = new ValueType(Kind.BOOLEAN, List.of());

  /** Text filter values are at most this many characters. */
  public static final int MAX_TEXT_LENGTH = 254;
  /**
   * Text sort keys in cursors are at most this many characters: the longest sortable text (a
   * custom TEXT value's 1,000; a key is never longer than its text).
   */
  public static final int MAX_KEY_LENGTH = 1_000;

  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern DATE_TEXT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern DECIMAL_TEXT = Pattern.compile("-?[0-9]{1,15}(\\.[0-9]{1,4})?");
  private static final Pattern INTEGER_TEXT = Pattern.compile("-?[0-9]{1,19}");
  private static final Pattern NUMERIC_TEXT = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,10})?");
  private static final Pattern CONSTANT = Pattern.compile("[a-z][a-z0-9_]{0,49}");
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
  private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
  private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

  public ValueType {
    Objects.requireNonNull(kind, "kind");
    constants = List.copyOf(constants);
    if ((kind == Kind.ENUM) == constants.isEmpty()) {
      throw new IllegalArgumentException("an enum has constants, and only an enum");
    }
    for (String constant : constants) {
      if (!CONSTANT.matcher(constant).matches()) {
        throw new IllegalArgumentException("an enum constant is lower-case letters, digits and _");
      }
    }
  }

  /** An enum whose values are exactly these lower-case constants. */
  public static ValueType oneOf(String... constants) {
    return new ValueType(Kind.ENUM, List.of(constants));
  }

  /** The Java class of this type's values. */
  public Class<?> javaType() {
    return switch (kind) {
      case UUID -> java.util.UUID.class;
      case INSTANT -> Instant.class;
      case DATE -> LocalDate.class;
      case TEXT, ENUM -> String.class;
      case DECIMAL, NUMERIC -> BigDecimal.class;
      case INTEGER -> Long.class;
      case BOOLEAN -> Boolean.class;
    };
  }

  /**
   * Reads one value as a client sends it in a query parameter.
   *
   * @throws InvalidValueException saying what the value must be (never quoting it)
   */
  public Object parse(String raw) {
    Objects.requireNonNull(raw, "raw");
    return switch (kind) {
      case UUID -> {
        if (!UUID_TEXT.matcher(raw).matches()) {
          throw new InvalidValueException("must be a UUID");
        }
        yield java.util.UUID.fromString(raw);
      }
      case INSTANT -> instant(raw);
      case DATE -> date(raw);
      case TEXT -> Text.requireSingleLine(raw, MAX_TEXT_LENGTH);
      case ENUM -> {
        if (!constants.contains(raw)) {
          throw new InvalidValueException("must be one of: " + String.join(", ", constants));
        }
        yield raw;
      }
      case DECIMAL -> {
        if (!DECIMAL_TEXT.matcher(raw).matches()) {
          throw new InvalidValueException("must be a decimal number: digits, an optional - and up to 4 decimals");
        }
        yield stripped(new BigDecimal(raw));
      }
      case NUMERIC -> {
        if (!NUMERIC_TEXT.matcher(raw).matches()) {
          throw new InvalidValueException("must be a decimal number: digits, an optional - and up to 10 decimals");
        }
        yield stripped(new BigDecimal(raw));
      }
      case INTEGER -> {
        try {
          if (!INTEGER_TEXT.matcher(raw).matches()) {
            throw new NumberFormatException();
          }
          yield Long.parseLong(raw);
        } catch (NumberFormatException e) {
          throw new InvalidValueException("must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
        }
      }
      case BOOLEAN -> {
        if (!raw.equals("true") && !raw.equals("false")) {
          throw new InvalidValueException("must be true or false");
        }
        yield raw.equals("true");
      }
    };
  }

  /**
   * Reads a sort key back from its {@linkplain #format canonical text} (a cursor's). Text must be a
   * key already: non-empty, without control characters but line feeds and tabs (a custom text may
   * hold them) or lone surrogates, and lower-cased.
   *
   * @throws InvalidValueException when {@code text} is no key of this type
   */
  public Object parseKey(String text) {
    if (kind != Kind.TEXT) {
      Object value = parse(text);
      if (!format(value).equals(text)) {
        throw new InvalidValueException("is not canonical");
      }
      return value;
    }
    if (text.isEmpty() || text.codePointCount(0, text.length()) > MAX_KEY_LENGTH
        || text.codePoints().anyMatch(cp -> (Character.isISOControl(cp) && cp != '\n' && cp != '\t')
            || Character.getType(cp) == Character.SURROGATE)
        || !text.equals(TextOrder.key(text))) {
      throw new InvalidValueException("is not a text sort key");
    }
    return text;
  }

  /** The canonical text of a value of this type (the same value, the same text). */
  public String format(Object value) {
    Object v = checked(value);
    return switch (kind) {
      case UUID, TEXT, ENUM, INTEGER, BOOLEAN -> v.toString();
      case INSTANT -> DateTimeFormatter.ISO_INSTANT.format((Instant) v);
      case DATE -> v.toString();
      case DECIMAL, NUMERIC -> stripped((BigDecimal) v).toPlainString();
    };
  }

  /** The value in its canonical form: a decimal without trailing zeros, any other value as it is. */
  public Object canonical(Object value) {
    Object v = checked(value);
    return v instanceof BigDecimal decimal ? stripped(decimal) : v;
  }

  /**
   * The sort key of a row's value: text by {@link TextOrder#key}; {@code null} (empty, sorted last)
   * for a {@code null} value or empty text; any other value as it is.
   */
  public Object sortKey(Object value) {
    if (value == null) {
      return null;
    }
    return kind == Kind.TEXT || kind == Kind.ENUM ? TextOrder.key((String) checked(value)) : canonical(value);
  }

  /**
   * The order of this type's non-null values and keys: text and enums by code point, uuids
   * unsigned (as PostgreSQL), the others naturally (decimals by value: 1.0 ties 1.00).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Comparator<Object> order() {
    return switch (kind) {
      case UUID -> (a, b) -> UuidOrder.UNSIGNED.compare((java.util.UUID) a, (java.util.UUID) b);
      case TEXT, ENUM -> (a, b) -> TextOrder.CODE_POINTS.compare((String) a, (String) b);
      case INSTANT, DATE, DECIMAL, NUMERIC, INTEGER, BOOLEAN -> (a, b) -> ((Comparable) a).compareTo(b);
    };
  }

  /** True for a row's value that {@code f.empty=true} finds: {@code null}, or empty text. */
  public boolean isEmpty(Object value) {
    return value == null || value instanceof String text && text.isEmpty();
  }

  @Override
  public String toString() {
    return kind == Kind.ENUM ? "enum" + constants : kind.name().toLowerCase(Locale.ROOT);
  }

  private Object checked(Object value) {
    if (!javaType().isInstance(value)) {
      throw new IllegalArgumentException("a " + this + " value is a " + javaType().getSimpleName());
    }
    return value;
  }

  private static BigDecimal stripped(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static Instant instant(String raw) {
    Instant instant;
    try {
      instant = DateTimeFormatter.ISO_INSTANT.parse(raw, Instant::from);
    } catch (DateTimeException e) {
      throw new InvalidValueException("must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z");
    }
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw new InvalidValueException("must be in the years 1 to 9999");
    }
    if (!instant.equals(instant.truncatedTo(ChronoUnit.MICROS))) {
      throw new InvalidValueException("must not be more precise than microseconds");
    }
    return instant;
  }

  private static LocalDate date(String raw) {
    if (!DATE_TEXT.matcher(raw).matches()) {
      throw new InvalidValueException("must be an ISO-8601 date, e.g. 2026-01-31");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(raw);
    } catch (DateTimeException e) {
      throw new InvalidValueException("must be an ISO-8601 date, e.g. 2026-01-31");
    }
    if (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY)) {
      throw new InvalidValueException("must be in the years 1 to 9999");
    }
    return date;
  }
}
