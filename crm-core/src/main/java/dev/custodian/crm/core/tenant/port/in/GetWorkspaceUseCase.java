package dev.custodian.crm.core.tenant.port.in;

import dev.custodian.crm.core.tenant.TenantId;
import dev.custodian.crm.core.tenant.Workspace;

/** Use case: read one workspace. */
public interface GetWorkspaceUseCase {

  /** @throws dev.custodian.crm.core.common.error.NotFoundException when there is none */
  Workspace get(TenantId id);
}
