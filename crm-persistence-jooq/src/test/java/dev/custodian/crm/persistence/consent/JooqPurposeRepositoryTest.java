package dev.custodian.crm.persistence.consent;

import dev.custodian.crm.core.consent.AbstractPurposeRepositoryContractTest;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The purpose contract through the application role: queries and row-level security together. */
class JooqPurposeRepositoryTest extends AbstractPurposeRepositoryContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Override
  protected PurposeRepository purposes() {
    return db.persistence().purposes();
  }
}
