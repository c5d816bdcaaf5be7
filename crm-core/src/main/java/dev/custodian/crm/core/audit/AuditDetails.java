package dev.custodian.crm.core.audit;

import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What else an entry says, as typed facts only: counts, ids, enum names and field names. There is
 * no way to put free text in: every value is built by a factory from a number, a {@link UUID}, an
 * enum constant or an identifier ({@code [a-z][a-zA-Z0-9_]*}, at most 64 characters), so no name,
 * email or note of a person fits. Immutable; each {@code with...} answers a new one.
 */
public final class AuditDetails {

  /** What a detail is; names are part of the canonical encoding. */
  public enum Key {
    /** An erasure's receipt. */
    RECEIPT_ID,
    /** Records removed, e.g. by an erasure; per participant as {@code COUNT.<participant>}. */
    COUNT,
    /** A member's or key's role (an enum name). */
    ROLE,
    /** The role before a change. */
    PREVIOUS_ROLE,
    /** The member an action was about. */
    ACCOUNT_ID,
    /** The pipeline a stage belongs to. */
    PIPELINE_ID,
    /** How many entries an export wrote. */
    ENTRIES,
    /** A reason, as an enum name. */
    REASON,
    /** Field names, comma-separated. */
    FIELDS,
    /** The kind of record a custom field belongs to (an enum name). */
    OBJECT_TYPE,
    /** A custom field's value type (an enum name). */
    TYPE,
    /** Whether a custom field's values are sensitive (CRM-01): SENSITIVE or ORDINARY. */
    SENSITIVITY,
    /** The purpose a consent entry is for: its key's id ({@code PurposeKey.auditId()}). */
    PURPOSE_ID,
    /** A purpose's lawful basis (an enum name). */
    BASIS,
    /** A consent entry's kind (an enum name). */
    KIND,
    /** A consent entry's source (an enum name). */
    SOURCE;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-zA-Z0-9_]{0,63}");
  private static final Pattern ENUM_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
  private static final Pattern SAFE_KEY = Pattern.compile("[a-z_]{1,32}(\\.[a-z][a-zA-Z0-9_]{0,63})?");
  private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9_,-]{0,4000}");
  private static final AuditDetails NONE = new AuditDetails(new TreeMap<>());

  private final Map<String, String> values;

  private AuditDetails(TreeMap<String, String> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  public static AuditDetails none() {
    return NONE;
  }

  public AuditDetails withCount(Key key, long count) {
    if (count < 0) {
      throw new IllegalArgumentException("a count is not negative");
    }
    return with(key.label(), Long.toString(count));
  }

  /** A count of one named part, e.g. an erasure participant's: the name must be an identifier. */
  public AuditDetails withCount(Key key, String part, long count) {
    if (!IDENTIFIER.matcher(part).matches() || count < 0) {
      throw new IllegalArgumentException("a count's part is an identifier and the count is not negative");
    }
    return with(key.label() + "." + part, Long.toString(count));
  }

  public AuditDetails withId(Key key, UUID id) {
    return with(key.label(), Objects.requireNonNull(id, "id").toString());
  }

  public AuditDetails withName(Key key, Enum<?> value) {
    String name = value.name();
    if (!ENUM_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("an enum name");
    }
    return with(key.label(), name);
  }

  /** Field names (identifiers such as {@code firstName}), sorted. */
  public AuditDetails withFields(Key key, Collection<String> fields) {
    for (String field : fields) {
      if (!IDENTIFIER.matcher(field).matches()) {
        throw new IllegalArgumentException("a field name is an identifier");
      }
    }
    return with(key.label(), fields.stream().sorted().distinct().collect(Collectors.joining(",")));
  }

  private AuditDetails with(String key, String value) {
    TreeMap<String, String> next = new TreeMap<>(values);
    next.put(key, value);
    return new AuditDetails(next);
  }

  /** The details, by key, sorted. */
  public Map<String, String> values() {
    return values;
  }

  /**
   * The canonical form, part of the entry's encoding: {@code key=value} pairs sorted by key and
   * joined by {@code ;} (no value can hold either character).
   */
  public String canonical() {
    return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
  }

  /** Details read back from their canonical form (the persistence path); refuses anything a factory could not make. */
  public static AuditDetails reconstitute(String canonical) {
    TreeMap<String, String> values = new TreeMap<>();
    if (!canonical.isEmpty()) {
      for (String pair : canonical.split(";", -1)) {
        int eq = pair.indexOf('=');
        if (eq < 0 || !SAFE_KEY.matcher(pair.substring(0, eq)).matches()
            || !SAFE_VALUE.matcher(pair.substring(eq + 1)).matches()) {
          throw new IllegalArgumentException("not canonical audit details");
        }
        values.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return new AuditDetails(values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuditDetails other && other.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "AuditDetails[" + canonical() + "]";
  }
}
