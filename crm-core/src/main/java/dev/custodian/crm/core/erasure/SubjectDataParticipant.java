package dev.custodian.crm.core.erasure;

import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Out-port, the access seam beside {@link ErasureParticipant}: every store that holds a contact's
 * personal data hands its records about the contact to an ACCESS or PORTABILITY package through one
 * of these (DSR-01), streamed one record at a time, so a new kind of record plugs in without
 * changing the packager. Each takes the {@linkplain #name() name} of the erasure participant of the
 * same records, so what a person can see and what an erasure removes are the same stores. Runs
 * inside the package's workspace transaction.
 */
public interface SubjectDataParticipant {

  /** The section's name: the erasure participant's of the same records, e.g. {@code contacts}. */
  String name();

  /** The data map's class of the section's records (e.g. {@code contact}): its category, basis and retention (DSR-02). */
  String dataClass();

  /** Hands every record of this store about {@code contact} to {@code sink}, one at a time. */
  void stream(WorkspaceId workspace, Contact contact, Consumer<SubjectRecord> sink);

  /**
   * One record, its fields in a stable order; a value is text, a number, a boolean, a list of
   * texts, or {@code null}.
   */
  record SubjectRecord(Map<String, Object> fields) {
    public SubjectRecord {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
    }

    /** A record of these fields, in the given order (name, value, name, value ...). */
    public static SubjectRecord of(Object... namesAndValues) {
      if (namesAndValues.length % 2 != 0) {
        throw new IllegalArgumentException("names and values come in pairs");
      }
      Map<String, Object> fields = new LinkedHashMap<>();
      for (int i = 0; i < namesAndValues.length; i += 2) {
        fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
      }
      return new SubjectRecord(fields);
    }
  }
}
