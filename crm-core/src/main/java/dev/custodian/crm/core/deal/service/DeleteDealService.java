package dev.custodian.crm.core.deal.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.deal.port.in.DeleteDealCommand;
import dev.custodian.crm.core.deal.port.in.DeleteDealUseCase;
import dev.custodian.crm.core.deal.port.out.DealRepository;
import java.util.Objects;

/** Service: deletes a deal with its links and history, if still at the expected version. */
public final class DeleteDealService implements DeleteDealUseCase {

  private final WorkspaceTransactions transactions;
  private final DealRepository deals;

  public DeleteDealService(WorkspaceTransactions transactions, DealRepository deals) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.deals = Objects.requireNonNull(deals, "deals");
  }

  @Override
  public void delete(Actor actor, DeleteDealCommand command) {
    transactions.inWorkspace(command.workspace(), actor, Permission.DEAL_DELETE, () -> {
      if (deals.delete(command.workspace(), command.id(), command.expectedVersion())) {
        transactions.audit(command.workspace(), actor, AuditAction.DEAL_DELETED, AuditTargetType.DEAL,
            command.id().value(), AuditDetails.none());
        return null;
      }
      boolean exists = deals.findById(command.workspace(), command.id()).isPresent();
      throw exists && command.expectedVersion().isPresent()
          ? PreconditionFailedException.stale("deal")
          : new NotFoundException("deal");
    });
  }
}
