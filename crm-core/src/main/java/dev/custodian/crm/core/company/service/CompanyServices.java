package dev.custodian.crm.core.company.service;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.company.CompanyListing;
import dev.custodian.crm.core.company.port.in.CompanyUseCases;
import dev.custodian.crm.core.company.port.out.CompanyLinks;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.customfield.service.CustomValueIntake;
import dev.custodian.crm.core.suppression.port.out.SuppressionList;
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
    return create(transactions, companies, links, SuppressionList.none(), CustomValueIntake.none(), ids, clock);
  }

  /**
   * The company use cases with custom values through {@code custom}, their EMAIL and PHONE values
   * checked against {@code suppressionList} (DSR-04).
   *
   * @param links every store whose rows may refer to a company, unlinked when a company is deleted
   */
  public static CompanyUseCases create(WorkspaceTransactions transactions, CompanyRepository companies,
      List<CompanyLinks> links, SuppressionList suppressionList, CustomValueIntake custom, IdGenerator ids,
      Clock clock) {
    return new CompanyUseCases(
        new CreateCompanyService(transactions, companies, suppressionList, custom, ids, clock),
        new GetCompanyService(transactions, companies),
        // a list is one page of the walk, for a query of the company list only
        (actor, workspace, query) -> transactions.list(actor, Permission.COMPANY_READ, workspace,
            query.requireOffer(CompanyListing.OFFER), custom.lists().resolving(ObjectType.COMPANY, companies::list)),
        new UpdateCompanyService(transactions, companies, suppressionList, custom, clock),
        new DeleteCompanyService(transactions, companies, links));
  }
}
