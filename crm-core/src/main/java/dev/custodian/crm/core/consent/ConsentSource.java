package dev.custodian.crm.core.consent;

/** Where a ledger entry came from. */
public enum ConsentSource {
  /** A form the person filled in. */
  FORM,
  /** An import of consent collected elsewhere. */
  IMPORT,
  /** A client of the API. */
  API,
  /** A link the person followed from a mail: a double opt-in confirmation or an unsubscribe. */
  EMAIL_LINK,
  /** Entered by a member, e.g. after a call. */
  MANUAL
}
