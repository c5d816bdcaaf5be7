package dev.custodian.crm.core.dsr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Value object: what a rectification asks to change on the contact, by field of
 * {@link dev.custodian.crm.core.contact.port.in.UpdateContactCommand} ({@link #FIELDS}): a new value, or
 * empty to clear an optional field. Checked as a contact's patch is when the request is made, and
 * applied through the contact update (with its validation) when it executes.
 */
public record Corrections(Map<String, Optional<String>> values) {

  /** The fields a rectification may correct, in their order. */
  public static final List<String> FIELDS = List.of("firstName", "lastName", "email", "phone", "jobTitle", "companyId");

  public Corrections {
    Objects.requireNonNull(values, "values");
    Map<String, Optional<String>> ordered = new LinkedHashMap<>();
    for (String field : FIELDS) {
      if (values.containsKey(field)) {
        ordered.put(field, Objects.requireNonNull(values.get(field), field));
      }
    }
    if (ordered.size() != values.size()) {
      throw new IllegalArgumentException("a correction names a field of " + FIELDS);
    }
    values = Collections.unmodifiableMap(ordered);
  }

  public static Corrections none() {
    return new Corrections(Map.of());
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }
}
