package dev.custodian.crm.http.erasure;

import dev.custodian.crm.core.erasure.ErasureReceipt;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An erasure receipt as the API shows it: ids, time and counts only, never personal data.
 *
 * @param recordsRemoved records removed, by participant (e.g. {@code contacts})
 */
record ErasureReceiptResponse(UUID id, UUID workspaceId, UUID contactId, Instant erasedAt,
    Map<String, Integer> recordsRemoved) {

  static ErasureReceiptResponse from(ErasureReceipt receipt) {
    return new ErasureReceiptResponse(receipt.id().value(), receipt.workspace().value(),
        receipt.contactId().value(), receipt.erasedAt(), receipt.removedByParticipant());
  }
}
