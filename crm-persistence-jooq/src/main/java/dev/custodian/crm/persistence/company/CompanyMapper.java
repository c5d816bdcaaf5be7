package dev.custodian.crm.persistence.company;

import static dev.custodian.crm.persistence.generated.Tables.COMPANIES;

import dev.custodian.crm.core.common.paging.TextOrder;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.company.CompanyDomain;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.company.CompanyName;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.Columns;
import dev.custodian.crm.persistence.common.SqlTime;
import dev.custodian.crm.persistence.generated.tables.records.CompaniesRecord;
import java.util.Optional;

/** Maps companies to and from their table rows. */
final class CompanyMapper {

  private CompanyMapper() {}

  static CompaniesRecord toRecord(Company company) {
    CompaniesRecord row = new CompaniesRecord();
    row.setTenantId(company.workspace().value());
    row.setId(company.id().value());
    row.setName(company.name().value());
    row.setNameSort(TextOrder.key(company.name().value()));
    row.setDomain(company.domain().map(CompanyDomain::value).orElse(null));
    row.setCreatedAt(SqlTime.utc(company.createdAt()));
    row.setUpdatedAt(SqlTime.utc(company.updatedAt()));
    row.setVersion(company.version());
    return row;
  }

  /** A company from its row's {@code companies} columns (a record of the table, or of a select naming them). */
  static Company toCompany(Columns row) {
    return Company.reconstitute(
        WorkspaceId.of(row.get(COMPANIES.TENANT_ID)),
        CompanyId.of(row.get(COMPANIES.ID)),
        new CompanyName(row.get(COMPANIES.NAME)),
        Optional.ofNullable(row.get(COMPANIES.DOMAIN)).map(CompanyDomain::new),
        row.get(COMPANIES.CREATED_AT).toInstant(),
        row.get(COMPANIES.UPDATED_AT).toInstant(),
        row.get(COMPANIES.VERSION));
  }

}
