package dev.custodian.crm.persistence.contact;

import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.AbstractContactRepositoryContractTest;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contact contract through the application role: queries and row-level security together. */
class JooqContactRepositoryTest extends AbstractContactRepositoryContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Override
  protected CompanyRepository companies() {
    return db.persistence().companies();
  }

  @Override
  protected ContactRepository contacts() {
    return db.persistence().contacts();
  }
}
