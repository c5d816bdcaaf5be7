package dev.custodian.crm.core.tenancy;

/**
 * Out-port: which workspaces exist. Use cases on workspace-owned data ask it, inside their own transaction,
 * before they touch a workspace's data; the workspace feature's repository implements it.
 */
public interface WorkspaceDirectory {

  /** True when the workspace exists (whatever its state). Joins the caller's open transaction. */
  boolean exists(WorkspaceId workspace);
}
