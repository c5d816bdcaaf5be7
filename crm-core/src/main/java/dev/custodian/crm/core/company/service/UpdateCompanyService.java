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
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.CustomValue;
import dev.custodian.crm.core.customfield.CustomValues;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.customfield.RecordRef;
import dev.custodian.crm.core.customfield.port.in.WithCustom;
import dev.custodian.crm.core.customfield.service.CustomValueIntake;
import dev.custodian.crm.core.suppression.port.out.SuppressionList;
import dev.custodian.crm.core.suppression.service.SuppressionGuard;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Service: applies a partial change with optimistic locking. The version check is repeated in the
 * repository's write, so a change based on a stale read never overwrites a newer one. Only a custom
 * EMAIL or PHONE value that the change adds is checked against the suppression list.
 */
public final class UpdateCompanyService implements UpdateCompanyUseCase {

  private final WorkspaceTransactions transactions;
  private final CompanyRepository companies;
  private final SuppressionGuard suppression;
  private final CustomValueIntake custom;
  private final Clock clock;

  public UpdateCompanyService(WorkspaceTransactions transactions, CompanyRepository companies,
      SuppressionList suppressionList, CustomValueIntake custom, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.companies = Objects.requireNonNull(companies, "companies");
    this.suppression = new SuppressionGuard(suppressionList);
    this.custom = Objects.requireNonNull(custom, "custom");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Company update(Actor actor, WithCustom<UpdateCompanyCommand> input) {
    return transactions.inWorkspace(input.workspace(), actor, Permission.COMPANY_WRITE, () -> {
      if (input.command() == null) {
        custom.check(input, ObjectType.COMPANY); // the built-in fields' errors with the custom ones
      }
      UpdateCompanyCommand command = input.command();
      // another workspace's company is a 404 whatever the custom keys (as for deals)
      Company current = companies.findById(command.workspace(), command.id())
          .orElseThrow(() -> new NotFoundException("company"));
      if (current.version() != command.expectedVersion()) {
        throw PreconditionFailedException.stale("company");
      }
      Map<CustomField, Optional<CustomValue>> changes = custom.check(input, ObjectType.COMPANY);
      CustomValues values = CustomValueIntake.applied(current.custom(), changes);
      suppression.refuseSuppressedCustom(command.workspace(), CustomValueIntake.addedEmails(changes, current.custom()),
          CustomValueIntake.addedPhones(changes, current.custom()));
      CompanyName name = valueOr(command.name(), current.name());
      Optional<CompanyDomain> domain = optionalValueOr(command.domain(), current.domain());
      if (name.equals(current.name()) && domain.equals(current.domain()) && values.equals(current.custom())) {
        return current; // a change that changes nothing: no new version, nothing written
      }
      Company changed = current.changed(name, domain, Timestamps.now(clock));
      if (!companies.update(changed, command.expectedVersion())) {
        throw PreconditionFailedException.stale("company");
      }
      // After the record's row: its new version is locked, so values are written for it alone.
      custom.write(command.workspace(), new RecordRef(ObjectType.COMPANY, current.id().value()), changes);
      return changed.withCustom(values);
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
