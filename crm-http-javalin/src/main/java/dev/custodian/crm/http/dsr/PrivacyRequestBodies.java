package dev.custodian.crm.http.dsr;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.dsr.DataSubjectRequest;
import dev.custodian.crm.core.dsr.RequestEvent;
import dev.custodian.crm.core.dsr.RequestState;
import dev.custodian.crm.core.dsr.RequestText;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The privacy request routes' request and response records. */
final class PrivacyRequestBodies {

  private PrivacyRequestBodies() {}

  /**
   * Body of {@code POST .../privacy-requests}: a RECTIFICATION's {@code corrections} (contact fields,
   * {@code null} clearing an optional one), an OBJECTION's or CONSENT_WITHDRAWAL's {@code purposes};
   * {@code receivedAt} in the past when it came in earlier (the clock starts then).
   */
  record CreatePrivacyRequest(String type, String email, Boolean californiaRequest, Map<String, String> corrections,
      List<String> purposes, Instant receivedAt) {}

  /** Body of {@code POST .../verify}: how the identity was checked (optional). */
  record VerifyPrivacyRequest(String note) {}

  /** Body of {@code POST .../extend}: the reason (mailed), and the new due time (at most 45 days from receipt; that by default). */
  record ExtendPrivacyRequest(String reason, Instant until) {}

  /** Body of {@code POST .../reject}: the reason (mailed). */
  record RejectPrivacyRequest(String reason) {}

  /** One step of a request's history. */
  record HistoryEntryResponse(String kind, Instant occurredAt, String actor) {

    static HistoryEntryResponse from(RequestEvent e) {
      return new HistoryEntryResponse(e.kind().name(), e.occurredAt(), e.actor());
    }
  }

  /**
   * A request as the API shows it: {@code daysLeft} until it is due (rounded up; negative when past
   * it) and {@code overdue} by the server's clock; {@code history} on a single read only. After its
   * subject's erasure its address, corrections, note and reasons are gone.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record PrivacyRequestResponse(UUID id, UUID workspaceId, String type, String email, boolean californiaRequest,
      Map<String, String> corrections, List<String> purposes, String state, Instant receivedAt, Instant dueAt,
      long daysLeft, boolean overdue, Instant extendedAt, String extensionReason, String note, Instant verifiedAt,
      Instant startedAt, Instant closedAt, String rejectReason, Instant createdAt, Instant updatedAt, long version,
      List<HistoryEntryResponse> history) {

    static PrivacyRequestResponse from(DataSubjectRequest r, Instant now, List<RequestEvent> history) {
      Map<String, String> corrections = null;
      if (!r.corrections().isEmpty()) {
        corrections = new LinkedHashMap<>();
        for (Map.Entry<String, java.util.Optional<String>> fix : r.corrections().values().entrySet()) {
          corrections.put(fix.getKey(), fix.getValue().orElse(null));
        }
      }
      RequestState state = r.state();
      Instant verifiedAt = state instanceof RequestState.Verified v ? v.verifiedAt()
          : state instanceof RequestState.Completed c ? c.verifiedAt() : null;
      Instant startedAt = state instanceof RequestState.InProgress p ? p.startedAt() : null;
      Instant closedAt = state instanceof RequestState.Completed c ? c.completedAt()
          : state instanceof RequestState.Rejected j ? j.rejectedAt()
          : state instanceof RequestState.Cancelled x ? x.cancelledAt() : null;
      String rejectReason = state instanceof RequestState.Rejected j ? j.reason().value() : null;
      return new PrivacyRequestResponse(r.id().value(), r.workspace().value(), r.type().name(),
          r.email().map(EmailAddress::value).orElse(null), r.californiaRequest(), corrections,
          r.purposes().isEmpty() ? null : r.purposes().stream().map(PurposeKey::value).toList(), state.name(),
          r.receivedAt(), r.dueAt(), r.daysLeftAt(now), r.overdueAt(now), r.extendedAt().orElse(null),
          r.extensionReason().map(RequestText::value).orElse(null), r.note().map(RequestText::value).orElse(null),
          verifiedAt, startedAt, closedAt, rejectReason, r.createdAt(), r.updatedAt(), r.version(),
          history == null ? null : history.stream().map(HistoryEntryResponse::from).toList());
    }
  }
}
