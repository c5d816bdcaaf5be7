package dev.custodian.crm.core.datamap;

/** Why the processing is lawful (GDPR article 6). */
public enum LegalBasis {
  CONTRACT,
  LEGAL_OBLIGATION,
  LEGITIMATE_INTERESTS,
  CONSENT
}
