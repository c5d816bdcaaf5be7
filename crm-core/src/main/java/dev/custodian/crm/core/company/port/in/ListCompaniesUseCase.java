package dev.custodian.crm.core.company.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.tenancy.PageQuery;

/** Use case: walk a workspace's companies page by page, oldest first. */
@FunctionalInterface
public interface ListCompaniesUseCase {

  /** @throws dev.custodian.crm.core.common.error.NotFoundException when the workspace does not exist */
  Page<Company> list(Actor actor, PageQuery query);
}
