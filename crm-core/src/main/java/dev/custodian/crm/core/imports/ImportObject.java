package dev.custodian.crm.core.imports;

import dev.custodian.crm.core.customfield.ObjectType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a file imports, with the fields its columns may map to: each field's name as the export
 * writes it, and the aliases a header may use instead. A header is matched ignoring case, spaces,
 * {@code _} and {@code -}.
 */
public enum ImportObject {
  CONTACTS("contacts", "email", List.of("email", "firstName", "lastName", "phone", "jobTitle", "companyDomain"),
      Map.ofEntries(Map.entry("emailaddress", "email"), Map.entry("mail", "email"),
          Map.entry("givenname", "firstName"), Map.entry("forename", "firstName"), Map.entry("first", "firstName"),
          Map.entry("surname", "lastName"), Map.entry("familyname", "lastName"), Map.entry("last", "lastName"),
          Map.entry("phonenumber", "phone"), Map.entry("telephone", "phone"), Map.entry("tel", "phone"),
          Map.entry("mobile", "phone"), Map.entry("title", "jobTitle"), Map.entry("position", "jobTitle"),
          Map.entry("domain", "companyDomain"))),
  COMPANIES("companies", "name", List.of("name", "domain"),
      Map.of("companyname", "name", "company", "name", "companydomain", "domain"));

  /**
   * Columns an export writes that an import reads past (a re-imported export's id and times are
   * its own again).
   */
  public static final List<String> IGNORED = List.of("id", "createdAt", "updatedAt");

  /** The prefix of a custom field's column, {@code custom.<key>}. */
  public static final String CUSTOM_PREFIX = "custom.";

  private final String apiName;
  private final String required;
  private final List<String> fields;
  private final Map<String, String> aliases;

  ImportObject(String apiName, String required, List<String> fields, Map<String, String> aliases) {
    this.apiName = apiName;
    this.required = required;
    this.fields = fields;
    this.aliases = aliases;
  }

  /** As the API and the queue name it: {@code contacts}, {@code companies}. */
  public String apiName() {
    return apiName;
  }

  /** The object type whose custom fields the {@code custom.<key>} columns name. */
  public ObjectType customType() {
    return this == CONTACTS ? ObjectType.CONTACT : ObjectType.COMPANY;
  }

  /** The field every file must map a column to. */
  public String requiredField() {
    return required;
  }

  /** The built-in fields, as named in the export. */
  public List<String> fields() {
    return fields;
  }

  public static Optional<ImportObject> fromApiName(String name) {
    for (ImportObject object : values()) {
      if (object.apiName.equals(name)) {
        return Optional.of(object);
      }
    }
    return Optional.empty();
  }

  /** What a header or a {@code columns} entry names. */
  public sealed interface Column {
    /** A field of this object (a built-in field's export name). */
    record Field(String name) implements Column {}

    /** A column read past: empty in {@code columns}, or an export's own id and times. */
    record Ignored() implements Column {}

    /** A custom field's column, {@code custom.<key>}. */
    record Custom(String key) implements Column {}

    /** No field of this object. */
    record Unknown() implements Column {}
  }

  /** The column a header (or a {@code columns} entry) names. */
  public Column resolve(String header) {
    String raw = header == null ? "" : header.strip();
    if (raw.isEmpty()) {
      return new Column.Ignored();
    }
    if (raw.regionMatches(true, 0, CUSTOM_PREFIX, 0, CUSTOM_PREFIX.length())) {
      String key = raw.substring(CUSTOM_PREFIX.length()).strip();
      return key.isEmpty() ? new Column.Unknown() : new Column.Custom(key);
    }
    String key = squash(raw);
    for (String field : fields) {
      if (squash(field).equals(key)) {
        return new Column.Field(field);
      }
    }
    for (String ignored : IGNORED) {
      if (squash(ignored).equals(key)) {
        return new Column.Ignored();
      }
    }
    String alias = aliases.get(key);
    return alias != null ? new Column.Field(alias) : new Column.Unknown();
  }

  private static String squash(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
  }
}
