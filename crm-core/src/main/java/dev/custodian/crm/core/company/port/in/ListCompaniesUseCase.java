package dev.custodian.crm.core.company.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/**
 * Use case: walk a workspace's companies page by page, filtered and sorted as
 * {@link dev.custodian.crm.core.company.CompanyListing#OFFER} allows (oldest first by default).
 */
@FunctionalInterface
public interface ListCompaniesUseCase {

  /**
   * @param query a query of {@link dev.custodian.crm.core.company.CompanyListing#OFFER}
   * @throws dev.custodian.crm.core.common.error.NotFoundException when the workspace does not exist
   * @throws IllegalArgumentException for a query of another list
   */
  Page<Company> list(Actor actor, WorkspaceId workspace, ListQuery query);
}
