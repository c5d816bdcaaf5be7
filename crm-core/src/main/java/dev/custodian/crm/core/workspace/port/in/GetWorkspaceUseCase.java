package dev.custodian.crm.core.workspace.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.workspace.Workspace;

/** Use case: read one workspace the actor is a member of. */
public interface GetWorkspaceUseCase {

  /** @throws dev.custodian.crm.core.common.error.NotFoundException when there is none or the actor is no member */
  Workspace get(Actor actor, WorkspaceId id);
}
