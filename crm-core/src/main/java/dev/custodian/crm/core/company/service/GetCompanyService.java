package dev.custodian.crm.core.company.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.company.port.in.GetCompanyUseCase;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;

/** Service: reads one company. */
public final class GetCompanyService implements GetCompanyUseCase {

  private final WorkspaceTransactions transactions;
  private final CompanyRepository companies;

  public GetCompanyService(WorkspaceTransactions transactions, CompanyRepository companies) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.companies = Objects.requireNonNull(companies, "companies");
  }

  @Override
  public Company get(Actor actor, WorkspaceId workspace, CompanyId id) {
    return transactions.inWorkspace(workspace, actor, Permission.COMPANY_READ,
        () -> companies.findById(workspace, id).orElseThrow(() -> new NotFoundException("company")));
  }
}
