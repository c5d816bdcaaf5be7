package dev.custodian.crm.core.workspace.port.in;

import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.workspace.Workspace;

/** Use case: read one workspace. */
public interface GetWorkspaceUseCase {

  /** @throws dev.custodian.crm.core.common.error.NotFoundException when there is none */
  Workspace get(WorkspaceId id);
}
