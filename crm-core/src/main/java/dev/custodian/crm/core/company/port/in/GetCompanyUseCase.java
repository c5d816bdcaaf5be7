package dev.custodian.crm.core.company.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/** Use case: read one company of a workspace. */
public interface GetCompanyUseCase {

  /** @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace or company */
  Company get(Actor actor, WorkspaceId workspace, CompanyId id);
}
