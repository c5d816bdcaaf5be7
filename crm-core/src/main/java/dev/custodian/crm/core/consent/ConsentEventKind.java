package dev.custodian.crm.core.consent;

/** What a ledger entry records a person saying about one purpose. */
public enum ConsentEventKind {
  /** Consent given (CONSENT purposes). */
  GRANTED,
  /** Consent taken back (CONSENT purposes); as easy as giving it (Art. 7(3)). */
  WITHDRAWN,
  /** An objection (Art. 21): to an objectable basis, or to direct marketing. */
  OBJECTED,
  /** An objection lifted by the person. */
  RESTORED;

  /** Whether this is the person refusing, which only the person undoes. */
  public boolean isRefusal() {
    return this == WITHDRAWN || this == OBJECTED;
  }
}
