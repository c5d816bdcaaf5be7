package dev.custodian.crm.persistence.dsr;

import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.dsr.AbstractDataSubjectRequestRepositoryContractTest;
import dev.custodian.crm.core.dsr.port.out.DataSubjectRequestRepository;
import dev.custodian.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The request contract through the application role: queries and row-level security together. */
class JooqDataSubjectRequestRepositoryTest extends AbstractDataSubjectRequestRepositoryContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Override
  protected DataSubjectRequestRepository requests() {
    return db.persistence().dataSubjectRequests();
  }

  @Override
  protected ContactRepository contacts() {
    return db.persistence().contacts();
  }
}
