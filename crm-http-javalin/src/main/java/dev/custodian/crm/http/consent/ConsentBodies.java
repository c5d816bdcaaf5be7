package dev.custodian.crm.http.consent;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.custodian.crm.core.consent.ConsentEvent;
import dev.custodian.crm.core.consent.ConsentState;
import dev.custodian.crm.core.consent.Purpose;
import dev.custodian.crm.core.consent.PurposeText;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The consent routes' request and response records. */
final class ConsentBodies {

  private ConsentBodies() {}

  /** Body of {@code POST .../purposes}. */
  record CreatePurposeRequest(String key, String name, String description, String legalBasis,
      String basisJustification, Boolean directMarketing, Boolean doubleOptIn) {}

  /**
   * What a merge patch of {@code PATCH .../purposes/{purposeKey}} may hold (documentation: the
   * handler reads the patch field by field; {@code key} and {@code legalBasis} never change).
   */
  record PurposeChanges(String name, String description, String basisJustification, Boolean directMarketing,
      Boolean doubleOptIn) {}

  /** A purpose as the API shows it; {@code version} is what {@code ETag} and {@code If-Match} carry. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record PurposeResponse(String key, UUID workspaceId, String name, String description, String legalBasis,
      String basisJustification, boolean directMarketing, boolean doubleOptIn, Instant retiredAt,
      Instant createdAt, Instant updatedAt, long version) {

    static PurposeResponse from(Purpose p) {
      return new PurposeResponse(p.key().value(), p.workspace().value(), p.name().value(),
          p.description().map(PurposeText::value).orElse(null), p.basis().name(),
          p.basisJustification().map(PurposeText::value).orElse(null), p.directMarketing(), p.doubleOptIn(),
          p.retiredAt().orElse(null), p.createdAt(), p.updatedAt(), p.version());
    }
  }

  /** Every purpose of a workspace, retired ones too, oldest first (not paged: a workspace declares few). */
  record PurposeListResponse(List<PurposeResponse> items) {}

  /** Body of {@code POST .../consent/events}: what a contact said about a purpose. */
  record RecordConsentRequest(String contactId, String purpose, String kind, String source, Instant occurredAt,
      String noticeVersion, Instant optInConfirmedAt) {}

  /**
   * A contact's standing for one purpose: {@code NOT_GIVEN}, {@code GRANTED}, {@code WITHDRAWN},
   * {@code OBJECTED} (each {@code since} a time) or {@code ALLOWED_BY_BASIS} (with its basis).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ConsentStateResponse(String purpose, String state, Instant since, String legalBasis) {

    static ConsentStateResponse from(ConsentState state) {
      String purpose = state.purpose().value();
      if (state instanceof ConsentState.Granted granted) {
        return new ConsentStateResponse(purpose, "GRANTED", granted.since(), null);
      }
      if (state instanceof ConsentState.Withdrawn withdrawn) {
        return new ConsentStateResponse(purpose, "WITHDRAWN", withdrawn.since(), null);
      }
      if (state instanceof ConsentState.Objected objected) {
        return new ConsentStateResponse(purpose, "OBJECTED", objected.since(), null);
      }
      if (state instanceof ConsentState.AllowedByBasis allowed) {
        return new ConsentStateResponse(purpose, "ALLOWED_BY_BASIS", null, allowed.basis().name());
      }
      return new ConsentStateResponse(purpose, "NOT_GIVEN", null, null);
    }
  }

  /** A contact's states, one per current purpose, in the purposes' order; with its restriction if any. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ConsentStatesResponse(UUID contactId, Instant restrictedSince, List<ConsentStateResponse> items) {}

  /** A ledger entry as the API shows it: no contact id, name or address. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ConsentEventResponse(UUID id, UUID subjectRef, String purpose, String legalBasis, String kind,
      String source, Instant occurredAt, Instant recordedAt, String noticeVersion, Instant optInRequestedAt,
      Instant optInConfirmedAt, String ipPrefix, String userAgent, String actor, String requestId) {

    static ConsentEventResponse from(ConsentEvent e) {
      return new ConsentEventResponse(e.id(), e.subject().value(), e.purpose().value(), e.basis().name(),
          e.kind().name(), e.source().name(), e.occurredAt(), e.recordedAt(), e.proof().noticeVersion().orElse(null),
          e.proof().optInRequestedAt().orElse(null), e.proof().optInConfirmedAt().orElse(null),
          e.proof().ipPrefix().orElse(null), e.proof().userAgent().orElse(null), e.actor(),
          e.proof().requestId().orElse(null));
    }
  }

  /** Ledger entries, oldest first. */
  record ConsentEventListResponse(List<ConsentEventResponse> items) {}

  /** Body of {@code POST .../consent/proof}: the address whose entries to list. */
  record ProofRequest(String email) {}

  /** A contact's restriction of processing. */
  record RestrictionResponse(UUID contactId, Instant restrictedSince) {}

  /** Body of {@code POST .../consent/requests}: ask a contact to confirm a purpose by mail (double opt-in). */
  record OptInRequest(String contactId, String purpose, String noticeVersion) {}

  /** A queued double opt-in: its mail goes out shortly, its proof pending until the person confirms. */
  record OptInResponse(UUID contactId, String purpose, Instant requestedAt) {}

  /** Body of {@code POST /api/v1/public/consent/confirm}: the token of the mailed link. */
  record ConfirmRequest(String token) {}
}
