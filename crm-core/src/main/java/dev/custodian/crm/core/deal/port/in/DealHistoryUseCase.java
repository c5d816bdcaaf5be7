package dev.custodian.crm.core.deal.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.deal.DealId;
import dev.custodian.crm.core.deal.StageChange;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/** Use case: page a deal's stage history, newest first. */
@FunctionalInterface
public interface DealHistoryUseCase {

  /**
   * @param query a query of {@link dev.custodian.crm.core.deal.DealListing#HISTORY_OFFER}
   * @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace or deal
   */
  Page<StageChange> history(Actor actor, WorkspaceId workspace, DealId deal, ListQuery query);
}
