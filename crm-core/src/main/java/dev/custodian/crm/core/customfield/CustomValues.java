package dev.custodian.crm.core.customfield;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.Money;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.common.validation.Validator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A record's custom field values, by field key: what a contact, company or deal carries as
 * {@code "custom": {"tier": "gold"}}. {@link #read} checks raw values (as a JSON reader gives them:
 * strings, whole numbers, booleans, lists, maps) against the object type's definitions, every error
 * at once under {@code custom/<key>}; {@link #withoutSensitive} is the projection that analytics,
 * exports and search read (CRM-01).
 *
 * @param values the values by their field's key; a field without a value has none here
 * @param optionKeys the key of each option a select value names, as a record's read shows it; how
 *     the values are shown, not what they are: {@link #equals} compares {@code values} alone
 */
public record CustomValues(Map<FieldKey, CustomValue> values, Map<FieldOptionId, FieldKey> optionKeys) {

  /** The most characters of a {@code TEXT} value. */
  public static final int MAX_TEXT = 1_000;
  /** The most characters of a {@code URL} value. */
  public static final int MAX_URL = 2_048;
  /** A {@code DECIMAL}'s JSON form: plain decimal digits with an optional sign, no exponent. */
  private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]{0,29})(\\.[0-9]{1,10})?");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,49}");
  private static final Set<String> MONEY_MEMBERS = Set.of("amount", "currency");

  public static final CustomValues NONE = new CustomValues(Map.of());

  /** The detail of a key that names no field of the object type (also one deleted meanwhile). */
  public static final String UNKNOWN_FIELD = "is not a custom field of this object type";
  /** The detail of a select value naming no option of its field (also one deleted meanwhile). */
  public static final String UNKNOWN_OPTION = "must be the key of one of the field's options";

  public CustomValues {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    optionKeys = Map.copyOf(optionKeys);
  }

  /** Values without their options' keys (a select value then shows no key). */
  public CustomValues(Map<FieldKey, CustomValue> values) {
    this(values, Map.of());
  }

  /** The key of a select value's option, if known. */
  public Optional<FieldKey> optionKey(FieldOptionId option) {
    return Optional.ofNullable(optionKeys.get(option));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CustomValues other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /**
   * The values given for a record of one object type, checked against its {@code definitions}:
   * each key must name one of them, each value be of its type ({@code null} clears it: empty
   * here). Every bad one is recorded in {@code v} under {@code custom/<key>} (a key that does not
   * look like one under {@code custom}); the result holds the good ones.
   *
   * @param raw key to value as read from JSON; {@code null} for none
   */
  public static Map<CustomField, Optional<CustomValue>> read(Validator v, List<CustomField> definitions,
      Map<String, ?> raw) {
    Map<CustomField, Optional<CustomValue>> read = new LinkedHashMap<>();
    if (raw == null) {
      return read;
    }
    Map<String, CustomField> byKey = new LinkedHashMap<>();
    definitions.forEach(d -> byKey.put(d.key().value(), d));
    for (Map.Entry<String, ?> entry : raw.entrySet()) {
      String key = entry.getKey();
      String pointer = KEY.matcher(key).matches() ? FieldError.path("custom", key) : "custom";
      CustomField field = byKey.get(key);
      if (field == null) {
        v.reject(pointer, UNKNOWN_FIELD);
        continue;
      }
      if (entry.getValue() == null) {
        read.put(field, Optional.empty());
        continue;
      }
      CustomValue value = field.type() == CustomFieldType.CURRENCY
          ? money(v, pointer, entry.getValue())
          : v.optional(pointer, entry.getValue(), given -> value(field, given)).orElse(null);
      if (value != null) {
        read.put(field, Optional.of(value));
      }
    }
    return read;
  }

  /**
   * As {@link #read}, for values written as text, as a list export's CSV cells hold them (an
   * import's {@code custom.<key>} columns): a whole number's digits, {@code true} or {@code false},
   * a multi-select's option keys joined by {@code ;}, a currency value as {@code 12.50 EUR}, any
   * other type as its JSON string. Each cell is turned into the JSON form {@link #read} takes, so it
   * is validated exactly as the API's value is; a cell that is none of these forms is handed on as
   * text and refused with {@link #read}'s message.
   *
   * @param cells key to cell text (no empty cell: an empty cell is no value, left out)
   */
  public static Map<CustomField, Optional<CustomValue>> readCells(Validator v, List<CustomField> definitions,
      Map<String, String> cells) {
    Map<String, CustomFieldType> types = new LinkedHashMap<>();
    definitions.forEach(d -> types.put(d.key().value(), d.type()));
    Map<String, Object> raw = new LinkedHashMap<>();
    cells.forEach((key, cell) -> raw.put(key, types.containsKey(key) ? fromCell(types.get(key), cell) : cell));
    return read(v, definitions, raw);
  }

  private static Object fromCell(CustomFieldType type, String cell) {
    return switch (type) {
      case NUMBER -> {
        try {
          yield new BigInteger(cell.strip());
        } catch (NumberFormatException e) {
          yield cell;
        }
      }
      case BOOLEAN -> switch (cell.strip()) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> cell;
      };
      case MULTI_SELECT -> java.util.Arrays.stream(cell.split(";", -1)).map(String::strip).toList();
      case CURRENCY -> {
        String[] parts = cell.strip().split("\\s+");
        yield parts.length == 2 ? Map.of("amount", parts[0], "currency", parts[1]) : cell;
      }
      default -> cell;
    };
  }

  private static CustomValue value(CustomField field, Object given) {
    return new CustomValue(field.type(), switch (field.type()) {
      case TEXT -> text(given);
      case NUMBER -> number(given);
      case DECIMAL -> decimal(given);
      case DATE -> date(given);
      case BOOLEAN -> {
        if (!(given instanceof Boolean b)) {
          throw new InvalidValueException("must be true or false");
        }
        yield b;
      }
      case SINGLE_SELECT -> option(field, string(given, "must be an option's key"));
      case MULTI_SELECT -> options(field, given);
      case EMAIL -> new EmailAddress(string(given, "must be an email address"));
      case PHONE -> new PhoneNumber(string(given, "must be a phone number"));
      case URL -> url(given);
      case CURRENCY -> throw new IllegalStateException("money is read with its parts' errors");
    });
  }

  private static String string(Object given, String expected) {
    if (!(given instanceof String s)) {
      throw new InvalidValueException(expected);
    }
    return s;
  }

  private static String text(Object given) {
    String text = string(given, "must be a string");
    if (text.isBlank()) {
      throw new InvalidValueException("must not be blank");
    }
    if (text.codePointCount(0, text.length()) > MAX_TEXT) {
      throw new InvalidValueException("must be at most " + MAX_TEXT + " characters");
    }
    if (text.codePoints().anyMatch(cp -> Character.isISOControl(cp) && cp != '\n' && cp != '\t')) {
      throw new InvalidValueException("must not contain control characters");
    }
    return text;
  }

  private static Long number(Object given) {
    if (given instanceof Integer || given instanceof Long || given instanceof Short || given instanceof Byte) {
      return ((Number) given).longValue();
    }
    if (given instanceof BigInteger big && big.bitLength() < 64) {
      return big.longValue();
    }
    throw new InvalidValueException("must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
  }

  private static BigDecimal decimal(Object given) {
    String text = string(given, "must be a decimal as a string, e.g. \"12.50\"");
    if (!DECIMAL.matcher(text).matches()) {
      throw new InvalidValueException("must be a decimal as a string with at most 30 digits before the point and 10 after");
    }
    return canonical(new BigDecimal(text));
  }

  /** A decimal without trailing zeros (never in exponent form): {@code 12.50} is {@code 12.5}, as a store gives it back. */
  public static BigDecimal canonical(BigDecimal decimal) {
    BigDecimal stripped = decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static LocalDate date(Object given) {
    String text = string(given, "must be an ISO-8601 date, e.g. 2026-01-31");
    try {
      if (!DATE.matcher(text).matches()) {
        throw new DateTimeParseException("not yyyy-mm-dd", text, 0);
      }
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidValueException("must be an ISO-8601 date, e.g. 2026-01-31");
    }
  }

  private static FieldOptionId option(CustomField field, String key) {
    return field.options().stream().filter(o -> o.key().value().equals(key)).findFirst()
        .map(FieldOption::id)
        .orElseThrow(() -> new InvalidValueException(UNKNOWN_OPTION));
  }

  private static List<FieldOptionId> options(CustomField field, Object given) {
    if (!(given instanceof List<?> keys) || keys.isEmpty()) {
      throw new InvalidValueException("must be a list of one or more option keys, or null");
    }
    List<FieldOptionId> ids = new ArrayList<>();
    for (Object key : keys) {
      FieldOptionId id = option(field, string(key, "must be a list of option keys"));
      if (ids.contains(id)) {
        throw new InvalidValueException("must not name an option twice");
      }
      ids.add(id);
    }
    return ids;
  }

  private static URI url(Object given) {
    String text = string(given, "must be an http or https URL");
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (text.length() > MAX_URL || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
          || uri.getRawUserInfo() != null) {
        throw new InvalidValueException("must be an http or https URL with a host (at most " + MAX_URL + " characters)");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new InvalidValueException("must be an http or https URL with a host (at most " + MAX_URL + " characters)");
    }
  }

  /** Money as a deal's amount: {@code {"amount": "12.50", "currency": "EUR"}}, its parts' errors named. */
  private static CustomValue money(Validator v, String pointer, Object given) {
    if (!(given instanceof Map<?, ?> parts) || !MONEY_MEMBERS.containsAll(parts.keySet())) {
      v.reject(pointer, "must be an object with amount and currency, or null");
      return null;
    }
    Object amount = parts.get("amount");
    Object currency = parts.get("currency");
    if ((amount != null && !(amount instanceof String)) || (currency != null && !(currency instanceof String))) {
      v.reject(pointer, "must be an object with amount and currency as strings");
      return null;
    }
    Money money = Money.of(v, pointer + "/amount", pointer + "/currency",
        (String) amount, (String) currency);
    return money == null ? null : new CustomValue(CustomFieldType.CURRENCY, money);
  }

  /**
   * CRM-01's one projection: these values without those of sensitive fields (and without values
   * of fields not in {@code definitions}, e.g. deleted meanwhile). What analytics, exports,
   * marketing and the search read; only a record's own read shows every value.
   */
  public CustomValues withoutSensitive(List<CustomField> definitions) {
    return only(definitions.stream().filter(field -> !field.sensitive()).toList());
  }

  /** These values of {@code fields} only, in the fields' order (what an export asked for). */
  public CustomValues only(List<CustomField> fields) {
    Map<FieldKey, CustomValue> kept = new LinkedHashMap<>();
    for (CustomField field : fields) {
      CustomValue value = values.get(field.key());
      if (value != null) {
        kept.put(field.key(), value);
      }
    }
    return new CustomValues(kept, optionKeys);
  }

  /** The value of the field {@code key}, if the record has one. */
  public Optional<CustomValue> get(FieldKey key) {
    return Optional.ofNullable(values.get(Objects.requireNonNull(key, "key")));
  }

  /** Keys only: values may be sensitive. */
  @Override
  public String toString() {
    return "CustomValues" + values.keySet();
  }
}
