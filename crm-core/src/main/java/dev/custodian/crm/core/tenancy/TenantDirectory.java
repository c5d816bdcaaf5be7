package dev.custodian.crm.core.tenancy;

/**
 * Out-port: which tenants exist. Tenant-owned use cases ask it, inside their own transaction,
 * before they touch a workspace's data; the workspace feature's repository implements it.
 */
public interface TenantDirectory {

  /** True when the workspace exists (whatever its state). Joins the caller's open transaction. */
  boolean exists(TenantId tenant);
}
