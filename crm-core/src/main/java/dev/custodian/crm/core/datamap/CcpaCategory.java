package dev.custodian.crm.core.datamap;

/** The CCPA categories personal data is disclosed under (DSR-02). */
public enum CcpaCategory {
  IDENTIFIERS,
  COMMERCIAL,
  INTERNET_ACTIVITY,
  CUSTOMER_CONTENT
}
