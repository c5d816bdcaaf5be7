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
import java.time.Clock;
import java.util.Objects;

/** Service: adds a company; the repository refuses a domain another company of the workspace has. */
public final class CreateCompanyService implements CreateCompanyUseCase {

  private final WorkspaceTransactions transactions;
  private final CompanyRepository companies;
  private final IdGenerator ids;
  private final Clock clock;

  public CreateCompanyService(WorkspaceTransactions transactions, CompanyRepository companies, IdGenerator ids,
      Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.companies = Objects.requireNonNull(companies, "companies");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Company create(Actor actor, CreateCompanyCommand command) {
    return transactions.inWorkspace(command.workspace(), actor, Permission.COMPANY_WRITE, () -> {
      Company company = Company.create(command.workspace(), CompanyId.of(ids.newId()), command.name(),
          command.domain(), Timestamps.now(clock));
      companies.insert(company);
      return company;
    });
  }
}
