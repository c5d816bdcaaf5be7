package dev.custodian.crm.persistence.activity;

import dev.custodian.crm.core.activity.AbstractActivityRepositoryContractTest;
import dev.custodian.crm.core.activity.port.out.ActivityRepository;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The activity contract through the application role: queries and row-level security together. */
class JooqActivityRepositoryTest extends AbstractActivityRepositoryContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Override
  protected ContactRepository contacts() {
    return db.persistence().contacts();
  }

  @Override
  protected CompanyRepository companies() {
    return db.persistence().companies();
  }

  @Override
  protected ActivityRepository activities() {
    return db.persistence().activities();
  }
}
