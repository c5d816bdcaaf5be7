package dev.custodian.crm.core.datamap;

/** The data lifecycle table's categories (DESIGN.md), plus {@code SYSTEM} for the product's own bookkeeping. */
public enum DataCategory {
  ACCOUNT_DATA,
  AUTHENTICATION_AND_AUDIT,
  CRM_DATA,
  COMMUNICATIONS,
  INTEGRATION_DATA,
  USAGE_TELEMETRY,
  SERVER_LOGS,
  CONSENT_PROOF,
  BILLING_RECORDS,
  SYSTEM;

  /** Data a workspace's users put in and use: never expired while its workspace is active (RET-01). */
  public boolean isWorkspaceContent() {
    return this == CRM_DATA || this == COMMUNICATIONS;
  }
}
