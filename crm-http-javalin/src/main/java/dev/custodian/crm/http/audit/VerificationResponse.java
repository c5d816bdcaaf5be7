package dev.custodian.crm.http.audit;

import dev.custodian.crm.core.audit.AuditVerification;

/**
 * What verifying a chain found: {@code valid} and its number of entries; for a broken chain also
 * the first broken entry's sequence and the kind of break ({@code gap}, {@code link_broken},
 * {@code content_changed}, {@code head_mismatch}).
 */
record VerificationResponse(boolean valid, long entries, Long brokenSequence, String breakKind) {

  static VerificationResponse from(AuditVerification verification) {
    return verification.firstBreak()
        .map(b -> new VerificationResponse(false, verification.entries(), b.sequence(), b.kind().label()))
        .orElseGet(() -> new VerificationResponse(true, verification.entries(), null, null));
  }
}
