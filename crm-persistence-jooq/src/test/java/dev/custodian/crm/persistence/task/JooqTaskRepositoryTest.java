package dev.custodian.crm.persistence.task;

import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.task.AbstractTaskRepositoryContractTest;
import dev.custodian.crm.core.task.port.out.TaskRepository;
import dev.custodian.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The task contract through the application role: queries and row-level security together. */
class JooqTaskRepositoryTest extends AbstractTaskRepositoryContractTest {

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
  protected TaskRepository tasks() {
    return db.persistence().tasks();
  }
}
