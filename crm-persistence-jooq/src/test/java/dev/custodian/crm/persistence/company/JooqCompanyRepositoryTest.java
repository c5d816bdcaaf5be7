package dev.custodian.crm.persistence.company;

import dev.custodian.crm.core.company.AbstractCompanyRepositoryContractTest;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The company contract through the application role: queries and row-level security together. */
class JooqCompanyRepositoryTest extends AbstractCompanyRepositoryContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

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
