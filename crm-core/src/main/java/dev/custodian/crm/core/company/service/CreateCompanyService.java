package dev.custodian.crm.core.company.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.company.port.in.CreateCompanyCommand;
import dev.custodian.crm.core.company.port.in.CreateCompanyUseCase;
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
 * Service: adds a company with its custom values, unless a custom EMAIL or PHONE value is
 * suppressed; the repository refuses a domain another company of the workspace has.
 */
public final class CreateCompanyService implements CreateCompanyUseCase {

  private final WorkspaceTransactions transactions;
  private final CompanyRepository companies;
  private final SuppressionGuard suppression;
  private final CustomValueIntake custom;
  private final IdGenerator ids;
  private final Clock clock;

  public CreateCompanyService(WorkspaceTransactions transactions, CompanyRepository companies,
      SuppressionList suppressionList, CustomValueIntake custom, IdGenerator ids, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.companies = Objects.requireNonNull(companies, "companies");
    this.suppression = new SuppressionGuard(suppressionList);
    this.custom = Objects.requireNonNull(custom, "custom");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Company create(Actor actor, WithCustom<CreateCompanyCommand> input) {
    return transactions.inWorkspace(input.workspace(), actor, Permission.COMPANY_WRITE, () -> {
      Map<CustomField, Optional<CustomValue>> changes = custom.check(input, ObjectType.COMPANY);
      CreateCompanyCommand command = input.command();
      suppression.refuseSuppressedCustom(command.workspace(), CustomValueIntake.emails(changes),
          CustomValueIntake.phones(changes));
      Company company = Company.create(command.workspace(), CompanyId.of(ids.newId()), command.name(),
          command.domain(), Timestamps.now(clock));
      companies.insert(company);
      custom.write(command.workspace(), new RecordRef(ObjectType.COMPANY, company.id().value()), changes);
      return company.withCustom(CustomValueIntake.applied(CustomValues.NONE, changes));
    });
  }
}
