package dev.custodian.crm.http.erasure;

import dev.custodian.crm.core.erasure.ErasureReceipt;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An erasure receipt as the API shows it: ids, time and counts only, never personal data.
 *
 * @param recordsRemoved records removed, by participant (e.g. {@code contacts})
 * @param forReview records kept whose free text may still name the person, to check by hand
 */
record ErasureReceiptResponse(UUID id, UUID workspaceId, UUID contactId, Instant erasedAt,
    Map<String, Integer> recordsRemoved, List<ReviewItem> forReview) {

  /** A kept record: the participant that kept it ({@code activityLinks}, {@code taskLinks}) and its id. */
  record ReviewItem(String participant, UUID id) {}

  static ErasureReceiptResponse from(ErasureReceipt receipt) {
    return new ErasureReceiptResponse(receipt.id().value(), receipt.workspace().value(),
        receipt.contactId().value(), receipt.erasedAt(), receipt.removedByParticipant(),
        receipt.forReview().stream().map(r -> new ReviewItem(r.participant(), r.recordId())).toList());
  }
}
