package dev.custodian.crm.core.company.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.company.port.in.DeleteCompanyCommand;
import dev.custodian.crm.core.company.port.in.DeleteCompanyUseCase;
import dev.custodian.crm.core.company.port.out.CompanyLinks;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import java.util.List;
import java.util.Objects;

/**
 * Service: deletes a company after unlinking every row that refers to it, in one transaction. The
 * company is locked first, so a contact being linked to it meanwhile either commits before the
 * lock (and is unlinked here) or waits, then finds the company gone (and is refused).
 */
public final class DeleteCompanyService implements DeleteCompanyUseCase {

  private final WorkspaceTransactions transactions;
  private final CompanyRepository companies;
  private final List<CompanyLinks> links;

  public DeleteCompanyService(WorkspaceTransactions transactions, CompanyRepository companies,
      List<CompanyLinks> links) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.companies = Objects.requireNonNull(companies, "companies");
    this.links = List.copyOf(links);
  }

  @Override
  public void delete(Actor actor, DeleteCompanyCommand command) {
    transactions.inWorkspace(command.workspace(), actor, Permission.COMPANY_DELETE, () -> {
      Company current = companies.findByIdForUpdate(command.workspace(), command.id())
          .orElseThrow(() -> new NotFoundException("company"));
      if (command.expectedVersion().isPresent()
          && command.expectedVersion().getAsLong() != current.version()) {
        throw PreconditionFailedException.stale("company");
      }
      for (CompanyLinks store : links) {
        store.unlinkCompany(command.workspace(), command.id());
      }
      if (!companies.delete(command.workspace(), command.id(), command.expectedVersion())) {
        // Not under the lock of an adapter that has none: as for contacts, a stale version or gone.
        throw command.expectedVersion().isPresent()
            ? PreconditionFailedException.stale("company")
            : new NotFoundException("company");
      }
      transactions.audit(command.workspace(), actor, AuditAction.COMPANY_DELETED, AuditTargetType.COMPANY,
          command.id().value(), AuditDetails.none());
      return null;
    });
  }
}
