package dev.custodian.crm.core.company.service;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.company.port.in.CompanyUseCases;
import dev.custodian.crm.core.company.port.out.CompanyLinks;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import java.time.Clock;
import java.util.List;

/** Factory: the company use cases over their out-ports, one service each (a list needs none). */
public final class CompanyServices {

  private CompanyServices() {}

  /**
   * @param links every store whose rows may refer to a company (the contacts), unlinked when a
   *     company is deleted
   */
  public static CompanyUseCases create(WorkspaceTransactions transactions, CompanyRepository companies,
      List<CompanyLinks> links, IdGenerator ids, Clock clock) {
    return new CompanyUseCases(
        new CreateCompanyService(transactions, companies, ids, clock),
        new GetCompanyService(transactions, companies),
        (actor, query) -> transactions.page(actor, Permission.COMPANY_READ, query, companies::list), // a list is one page of the walk
        new UpdateCompanyService(transactions, companies, clock),
        new DeleteCompanyService(transactions, companies, links));
  }
}
