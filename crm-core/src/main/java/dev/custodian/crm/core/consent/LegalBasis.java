package dev.custodian.crm.core.consent;

/** The six lawful bases of GDPR Art. 6(1), (a) to (f); a purpose's basis never changes. */
public enum LegalBasis {
  /** (a) the person's consent, given and withdrawn through the ledger. */
  CONSENT,
  /** (b) a contract with the person, or steps before one. */
  CONTRACT,
  /** (c) a legal obligation of the controller. */
  LEGAL_OBLIGATION,
  /** (d) the vital interests of the person or another. */
  VITAL_INTERESTS,
  /** (e) a task in the public interest or official authority; the person may object (Art. 21(1)). */
  PUBLIC_TASK,
  /** (f) the controller's legitimate interests; the person may object (Art. 21(1)). */
  LEGITIMATE_INTEREST;

  /** Whether the person may object to processing on this basis (Art. 21(1)); direct marketing always (Art. 21(2)). */
  public boolean objectable() {
    return this == PUBLIC_TASK || this == LEGITIMATE_INTEREST;
  }
}
