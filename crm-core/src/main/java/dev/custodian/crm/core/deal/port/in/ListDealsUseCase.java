package dev.custodian.crm.core.deal.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.deal.Deal;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/** Use case: walk a workspace's deals page by page, as {@link dev.custodian.crm.core.deal.DealListing#OFFER} allows. */
@FunctionalInterface
public interface ListDealsUseCase {

  /**
   * @throws dev.custodian.crm.core.common.error.NotFoundException when the workspace does not exist
   * @throws IllegalArgumentException for a query of another list
   */
  Page<Deal> list(Actor actor, WorkspaceId workspace, ListQuery query);
}
