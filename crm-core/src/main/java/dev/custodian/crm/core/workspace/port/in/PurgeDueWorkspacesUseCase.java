package dev.custodian.crm.core.workspace.port.in;

import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Map;

/**
 * In-port: the background sweep that purges every cancelled workspace whose {@code purgeAt} has
 * come (RET-03), each in a transaction of its own, under its row-level security. Safe to run from
 * several instances at once: each workspace is purged by one of them, once.
 */
public interface PurgeDueWorkspacesUseCase {

  /** Purges the workspaces now due; answers, per workspace purged, the rows deleted per table. */
  Map<WorkspaceId, Map<String, Long>> purgeDue();
}
