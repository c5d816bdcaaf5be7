package dev.custodian.crm.core.dsr.port.in;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.JobTitle;
import dev.custodian.crm.core.contact.PersonName;
import dev.custodian.crm.core.contact.port.in.UpdateContactCommand;
import dev.custodian.crm.core.dsr.Corrections;
import dev.custodian.crm.core.dsr.RequestType;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;

/**
 * Input of recording a data-subject request: its type, the requester's address, whether it comes
 * under the CCPA, and when it was received (not in the future; now when not given: the clock starts
 * then). A RECTIFICATION names its corrections, checked as a contact's patch is; an OBJECTION or a
 * CONSENT_WITHDRAWAL names purposes (whether the workspace declared them is the use case's check).
 */
public record CreateRequestCommand(WorkspaceId workspace, RequestType type, EmailAddress email,
    boolean californiaRequest, Corrections corrections, List<PurposeKey> purposes, Optional<Instant> receivedAt) {

  public CreateRequestCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(corrections, "corrections");
    purposes = List.copyOf(purposes);
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /**
   * Raw input, as a client sends it; a correction given as {@code null} clears an optional field.
   * {@code corrections} keeps the order given.
   */
  public record Raw(String type, String email, Boolean californiaRequest, Map<String, String> corrections,
      List<String> purposes, Instant receivedAt) {}

  /**
   * Validates raw input, reporting every bad field at once ({@code corrections/<field>},
   * {@code purposes/<index>}).
   *
   * @param now the time {@code receivedAt} may not be after
   * @throws dev.custodian.crm.core.common.error.ValidationException listing every bad field
   */
  public static CreateRequestCommand of(WorkspaceId workspace, Raw raw, Instant now) {
    Validator v = new Validator();
    RequestType type = v.required("type", raw.type(), CreateRequestCommand::type);
    EmailAddress email = v.required("email", raw.email(), EmailAddress::new);
    if (raw.receivedAt() != null && raw.receivedAt().isAfter(now)) {
      v.reject("receivedAt", "must not be in the future");
    }
    Corrections corrections = corrections(v, workspace, raw.corrections());
    if (type == RequestType.RECTIFICATION && raw.corrections() != null && raw.corrections().isEmpty()) {
      v.reject("corrections", "names at least one field to correct");
    } else if (type == RequestType.RECTIFICATION && raw.corrections() == null) {
      v.reject("corrections", "is required for a RECTIFICATION");
    } else if (type != null && type != RequestType.RECTIFICATION && raw.corrections() != null) {
      v.reject("corrections", "is for a RECTIFICATION only");
    }
    List<PurposeKey> purposes = new ArrayList<>();
    if (raw.purposes() != null) {
      for (int i = 0; i < raw.purposes().size(); i++) {
        String purpose = raw.purposes().get(i);
        PurposeKey key = v.required(FieldError.path("purposes", i), purpose, PurposeKey::new);
        if (key != null && !purposes.contains(key)) {
          purposes.add(key);
        }
      }
    }
    if (type != null && type.namesPurposes() && (raw.purposes() == null || raw.purposes().isEmpty())) {
      v.reject("purposes", "names at least one purpose for an " + type);
    } else if (type != null && !type.namesPurposes() && raw.purposes() != null) {
      v.reject("purposes", "is for an OBJECTION or a CONSENT_WITHDRAWAL only");
    }
    v.throwIfInvalid();
    return new CreateRequestCommand(workspace, type, email, Boolean.TRUE.equals(raw.californiaRequest()),
        type == RequestType.RECTIFICATION ? corrections : Corrections.none(), purposes,
        Optional.ofNullable(raw.receivedAt()));
  }

  private static RequestType type(String raw) {
    try {
      return RequestType.valueOf(raw);
    } catch (IllegalArgumentException e) {
      throw new dev.custodian.crm.core.common.error.InvalidValueException(
          "must be one of " + Arrays.toString(RequestType.values()));
    }
  }

  /** Checked as a contact's merge patch of the same fields is, its errors named {@code corrections/<field>}. */
  private static Corrections corrections(Validator v, WorkspaceId workspace, Map<String, String> raw) {
    if (raw == null || raw.isEmpty()) {
      return Corrections.none();
    }
    Map<String, Optional<String>> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : raw.entrySet()) {
      if (!Corrections.FIELDS.contains(entry.getKey())) {
        v.reject(FieldError.path("corrections", entry.getKey()), "is not a field a rectification corrects: "
            + String.join(", ", Corrections.FIELDS));
      } else {
        values.put(entry.getKey(), Optional.ofNullable(entry.getValue()));
      }
    }
    Validator patch = new Validator();
    UpdateContactCommand checked = UpdateContactCommand.of(patch, workspace, ContactId.of(new UUID(0, 0)),
        OptionalLong.of(1), patchOf(values, "firstName"), patchOf(values, "lastName"), patchOf(values, "email"),
        patchOf(values, "phone"), patchOf(values, "jobTitle"), patchOf(values, "companyId"));
    for (FieldError error : patch.errors()) {
      v.reject(FieldError.path("corrections", error.name()), error.detail());
    }
    if (checked == null) {
      return Corrections.none();
    }
    // Kept as the value objects made them (normalised), so they fit the contact's columns.
    Map<String, Optional<String>> normalised = new LinkedHashMap<>();
    put(normalised, "firstName", checked.firstName(), PersonName::value);
    put(normalised, "lastName", checked.lastName(), PersonName::value);
    put(normalised, "email", checked.email(), EmailAddress::value);
    put(normalised, "phone", checked.phone(), PhoneNumber::value);
    put(normalised, "jobTitle", checked.jobTitle(), JobTitle::value);
    put(normalised, "companyId", checked.company(), company -> company.value().toString());
    return new Corrections(normalised);
  }

  private static <T> void put(Map<String, Optional<String>> values, String field, PatchValue<T> patch,
      Function<T, String> text) {
    if (patch instanceof PatchValue.Set<T> set) {
      values.put(field, Optional.of(text.apply(set.value())));
    } else if (patch instanceof PatchValue.Clear<T>) {
      values.put(field, Optional.empty());
    }
  }

  /** The correction of {@code field} as a contact's patch of it. */
  public static PatchValue<String> patchOf(Map<String, Optional<String>> values, String field) {
    if (!values.containsKey(field)) {
      return PatchValue.absent();
    }
    return values.get(field).<PatchValue<String>>map(PatchValue::set).orElseGet(PatchValue::clear);
  }
}
