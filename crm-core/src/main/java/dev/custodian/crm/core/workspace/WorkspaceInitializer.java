package dev.custodian.crm.core.workspace;

import dev.custodian.crm.core.tenancy.WorkspaceId;

/**
 * Plug-in, the workspace seam: what a new workspace starts with (the default pipeline today; a
 * feature or an embedder adds its own without changing the creating use case). Each runs inside
 * the new workspace's creating transaction, bound to that workspace, after the workspace and its
 * OWNER's membership are stored: its rows are the workspace's own, under row-level security, and
 * if one fails, no workspace is created.
 */
@FunctionalInterface
public interface WorkspaceInitializer {

  /** Stores what {@code workspace} starts with. */
  void initialize(WorkspaceId workspace);
}
