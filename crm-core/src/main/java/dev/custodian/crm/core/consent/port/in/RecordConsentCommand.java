package dev.custodian.crm.core.consent.port.in;

import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.consent.ConsentEventKind;
import dev.custodian.crm.core.consent.ConsentProof;
import dev.custodian.crm.core.consent.ConsentSource;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Input of recording what a contact said about a purpose: the kind, where it came from, when it
 * happened (not in the future; now when not given) and its proof. A grant names the notice version.
 */
public record RecordConsentCommand(WorkspaceId workspace, ContactId contact, PurposeKey purpose,
    ConsentEventKind kind, ConsentSource source, Optional<Instant> occurredAt, ConsentProof proof) {

  public RecordConsentCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(proof, "proof");
  }

  /** Raw input of a recording, as a client sends it. */
  public record Raw(String purpose, String kind, String source, Instant occurredAt, String noticeVersion,
      Instant optInConfirmedAt) {}

  /**
   * Validates raw input, reporting every bad field at once.
   *
   * @param now the time {@code occurredAt} may not be after
   * @param edge what the edge knows of the request: client network, user agent, request id
   * @throws dev.custodian.crm.core.common.error.ValidationException listing every bad field
   */
  public static RecordConsentCommand of(WorkspaceId workspace, ContactId contact, Raw raw, Instant now,
      ConsentProof edge) {
    Validator v = new Validator();
    PurposeKey purpose = v.required("purpose", raw.purpose(), PurposeKey::new);
    ConsentEventKind kind = v.required("kind", raw.kind(), ConsentValues::kind);
    ConsentSource source = v.required("source", raw.source(), ConsentValues::source);
    if (raw.occurredAt() != null && raw.occurredAt().isAfter(now)) {
      v.reject("occurredAt", "must not be in the future");
    }
    if (raw.optInConfirmedAt() != null && raw.optInConfirmedAt().isAfter(now)) {
      v.reject("optInConfirmedAt", "must not be in the future");
    }
    Optional<String> notice = Optional.ofNullable(raw.noticeVersion()).map(String::strip).filter(s -> !s.isEmpty());
    if (raw.noticeVersion() != null && (notice.isEmpty() || notice.get().length() > ConsentProof.NOTICE_VERSION_MAX)) {
      v.reject("noticeVersion", "must be 1 to " + ConsentProof.NOTICE_VERSION_MAX + " characters");
    } else if (kind == ConsentEventKind.GRANTED && notice.isEmpty()) {
      v.reject("noticeVersion", "is required to grant");
    }
    if (raw.optInConfirmedAt() != null && source != null && source != ConsentSource.IMPORT) {
      v.reject("optInConfirmedAt", "is given only by an IMPORT");
    }
    v.throwIfInvalid();
    ConsentProof proof = new ConsentProof(notice, Optional.empty(), Optional.ofNullable(raw.optInConfirmedAt()),
        edge.ipPrefix(), edge.userAgent(), edge.requestId());
    return new RecordConsentCommand(workspace, contact, purpose, kind, source, Optional.ofNullable(raw.occurredAt()),
        proof);
  }
}
