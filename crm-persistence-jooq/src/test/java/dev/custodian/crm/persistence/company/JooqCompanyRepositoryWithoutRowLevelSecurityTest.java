package dev.custodian.crm.persistence.company;

import dev.custodian.crm.core.company.AbstractCompanyRepositoryContractTest;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TEN-01, the first wall on its own: the company contract through a role that BYPASSES row-level
 * security, so every workspace-scoping case passes only because the queries filter by themselves.
 */
@DisplayName("TEN-01: company queries filter by workspace on their own (run as a BYPASSRLS role)")
class JooqCompanyRepositoryWithoutRowLevelSecurityTest extends AbstractCompanyRepositoryContractTest {

  @RegisterExtension static final TestDatabase db = TestDatabase.bypassingRowLevelSecurity();

  @Override
  protected CompanyRepository companies() {
    return db.persistence().companies();
  }

  @Override
  protected CustomFieldRepository customFields() {
    return db.persistence().customFields();
  }

  @Override
  protected CustomValueRepository customValues() {
    return db.persistence().customValues();
  }
}
