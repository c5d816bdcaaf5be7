package dev.custodian.crm.core.workspace.port.out;

import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Map;

/**
 * Out-port: deletes a workspace's data (RET-03, RET-11). Joins the open transaction of that
 * workspace and fails with {@link IllegalStateException} when none is open.
 */
public interface WorkspacePurge {

  /**
   * Empties, for {@code workspace}, every table whose data ends with it, in foreign-key order: its
   * CRM data, erasure receipts and suppression entries, then its memberships, invitations and API
   * keys (the audit trail and the consent ledger stay). The store refuses, deleting nothing, unless
   * the workspace is CANCELLED with its {@code purgeAt} at or before {@code now}.
   *
   * @return the rows deleted, per table, in the order deleted
   * @throws IllegalStateException when the workspace is not due
   */
  Map<String, Long> purge(WorkspaceId workspace, Instant now);
}
