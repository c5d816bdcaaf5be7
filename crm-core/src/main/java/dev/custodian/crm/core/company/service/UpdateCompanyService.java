package dev.custodian.crm.core.company.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.company.CompanyDomain;
import dev.custodian.crm.core.company.CompanyName;
import dev.custodian.crm.core.company.port.in.UpdateCompanyCommand;
import dev.custodian.crm.core.company.port.in.UpdateCompanyUseCase;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Service: applies a partial change with optimistic locking. The version check is repeated in the
 * repository's write, so a change based on a stale read never overwrites a newer one.
 */
public final class UpdateCompanyService implements UpdateCompanyUseCase {

  private final WorkspaceTransactions transactions;
  private final CompanyRepository companies;
  private final Clock clock;

  public UpdateCompanyService(WorkspaceTransactions transactions, CompanyRepository companies, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.companies = Objects.requireNonNull(companies, "companies");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Company update(Actor actor, UpdateCompanyCommand command) {
    return transactions.inWorkspace(command.workspace(), actor, Permission.COMPANY_WRITE, () -> {
      Company current = companies.findById(command.workspace(), command.id())
          .orElseThrow(() -> new NotFoundException("company"));
      if (current.version() != command.expectedVersion()) {
        throw PreconditionFailedException.stale("company");
      }
      CompanyName name = valueOr(command.name(), current.name());
      Optional<CompanyDomain> domain = optionalValueOr(command.domain(), current.domain());
      if (name.equals(current.name()) && domain.equals(current.domain())) {
        return current; // a change that changes nothing: no new version, nothing written
      }
      Company changed = current.changed(name, domain, Timestamps.now(clock));
      if (!companies.update(changed, command.expectedVersion())) {
        throw PreconditionFailedException.stale("company");
      }
      return changed;
    });
  }

  private static <T> T valueOr(PatchValue<T> patch, T current) {
    return patch instanceof PatchValue.Set<T> set ? set.value() : current;
  }

  /** An optional field: cleared, set, or as it is. */
  private static <T> Optional<T> optionalValueOr(PatchValue<T> patch, Optional<T> current) {
    return patch instanceof PatchValue.Clear
        ? Optional.empty()
        : Optional.ofNullable(valueOr(patch, current.orElse(null)));
  }
}
