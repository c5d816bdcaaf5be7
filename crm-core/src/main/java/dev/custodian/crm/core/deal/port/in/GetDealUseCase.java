package dev.custodian.crm.core.deal.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.deal.Deal;
import dev.custodian.crm.core.deal.DealId;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/** Use case: read one deal of a workspace. */
public interface GetDealUseCase {

  /** @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace or deal */
  Deal get(Actor actor, WorkspaceId workspace, DealId id);
}
