package dev.custodian.crm.core.workspace.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.workspace.Workspace;

/** In-port: an OWNER cancels a workspace (DSR-05); it stays readable for 30 days, then is purged. */
public interface CancelWorkspaceUseCase {

  /**
   * Cancels the workspace: its status becomes {@code Cancelled} with {@code purgeAt} 30 days
   * later, and each OWNER is mailed. Cancelling a cancelled workspace changes nothing.
   *
   * @throws dev.custodian.crm.core.common.error.NotFoundException when there is none or the actor is no member
   * @throws dev.custodian.crm.core.common.error.ForbiddenException for anyone but an OWNER, and for API keys
   */
  Workspace cancel(Actor actor, WorkspaceId id);
}
