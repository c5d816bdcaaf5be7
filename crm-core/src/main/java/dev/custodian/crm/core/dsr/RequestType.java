package dev.custodian.crm.core.dsr;

/** What a data subject asks for: the right exercised (GDPR Arts. 15-21; CCPA's know, delete, correct). */
public enum RequestType {
  /** A copy of their data (Art. 15). */
  ACCESS,
  /** Their data in a machine-readable form (Art. 20). */
  PORTABILITY,
  /** Their contact record corrected (Art. 16). */
  RECTIFICATION,
  /** Their data erased (Art. 17). */
  ERASURE,
  /** Their data kept but not processed (Art. 18). */
  RESTRICTION,
  /** An objection to purposes (Art. 21). */
  OBJECTION,
  /** Consent withdrawn for purposes (Art. 7(3)). */
  CONSENT_WITHDRAWAL;

  /** Whether the request names purposes (an objection, a withdrawal). */
  public boolean namesPurposes() {
    return this == OBJECTION || this == CONSENT_WITHDRAWAL;
  }
}
