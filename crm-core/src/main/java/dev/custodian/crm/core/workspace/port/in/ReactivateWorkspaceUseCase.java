package dev.custodian.crm.core.workspace.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.workspace.Workspace;

/** In-port: an OWNER makes a cancelled workspace active again, before its purge (DSR-05). */
public interface ReactivateWorkspaceUseCase {

  /**
   * Makes the workspace ACTIVE; an active one stays as it is.
   *
   * @throws dev.custodian.crm.core.common.error.NotFoundException when there is none or the actor is no member
   * @throws dev.custodian.crm.core.common.error.ForbiddenException for anyone but an OWNER, and for API keys
   * @throws dev.custodian.crm.core.common.error.ConflictException of kind {@code WORKSPACE_CANCELLED}
   *     once its {@code purgeAt} has come
   */
  Workspace reactivate(Actor actor, WorkspaceId id);
}
