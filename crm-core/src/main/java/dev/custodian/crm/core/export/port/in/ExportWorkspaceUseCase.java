package dev.custodian.crm.core.export.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.function.Consumer;

/**
 * Use case: the full export of a workspace (DSR-06): every CRM record from one snapshot, audited
 * ({@code WORKSPACE_EXPORTED} on the workspace's chain, in the export's own transaction: it commits
 * with a finished export and rolls back with a failed one). ADMIN and up, also while the workspace
 * is cancelled. It holds every value, sensitive custom values too: it is the workspace's own copy.
 *
 * @throws dev.custodian.crm.core.common.error.NotFoundException when the workspace does not exist
 *     or the actor is no member
 * @throws dev.custodian.crm.core.common.error.ForbiddenException for a member below ADMIN
 */
@FunctionalInterface
public interface ExportWorkspaceUseCase {

  /** Runs {@code writer} inside the snapshot transaction, once the actor is let in and the export audited. */
  void export(Actor actor, WorkspaceId workspace, Consumer<WorkspaceSnapshot> writer);
}
