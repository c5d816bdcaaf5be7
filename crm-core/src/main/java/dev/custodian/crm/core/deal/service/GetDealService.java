package dev.custodian.crm.core.deal.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.deal.Deal;
import dev.custodian.crm.core.deal.DealId;
import dev.custodian.crm.core.deal.port.in.GetDealUseCase;
import dev.custodian.crm.core.deal.port.out.DealRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;

/** Service: reads one deal. */
public final class GetDealService implements GetDealUseCase {

  private final WorkspaceTransactions transactions;
  private final DealRepository deals;

  public GetDealService(WorkspaceTransactions transactions, DealRepository deals) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.deals = Objects.requireNonNull(deals, "deals");
  }

  @Override
  public Deal get(Actor actor, WorkspaceId workspace, DealId id) {
    return transactions.inWorkspace(workspace, actor, Permission.DEAL_READ,
        () -> deals.findById(workspace, id).orElseThrow(() -> new NotFoundException("deal")));
  }
}
