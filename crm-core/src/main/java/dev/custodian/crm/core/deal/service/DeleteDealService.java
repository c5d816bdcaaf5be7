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
import dev.custodian.crm.core.deal.port.out.DealLinks;
import dev.custodian.crm.core.deal.port.out.DealRepository;
import java.util.List;
import java.util.Objects;

/**
 * Service: deletes a deal with its links and history, if still at the expected version; the stores
 * whose rows link to it (activities, tasks) drop those links first, in the same transaction.
 */
public final class DeleteDealService implements DeleteDealUseCase {

  private final WorkspaceTransactions transactions;
  private final DealRepository deals;

  private final List<DealLinks> links;

  public DeleteDealService(WorkspaceTransactions transactions, DealRepository deals, List<DealLinks> links) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.deals = Objects.requireNonNull(deals, "deals");
    this.links = List.copyOf(links);
  }

  @Override
  public void delete(Actor actor, DeleteDealCommand command) {
    transactions.inWorkspace(command.workspace(), actor, Permission.DEAL_DELETE, () -> {
      boolean current = deals.findById(command.workspace(), command.id())
          .filter(d -> command.expectedVersion().isEmpty() || d.version() == command.expectedVersion().getAsLong())
          .isPresent();
      if (current) {
        for (DealLinks store : links) {
          store.unlinkDeal(command.workspace(), command.id());
        }
      }
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
