package dev.custodian.crm.persistence.throttle;

import dev.custodian.crm.core.testing.PortFixture;
import dev.custodian.crm.core.throttle.AbstractThrottleRepositoryContractTest;
import dev.custodian.crm.core.throttle.port.out.ThrottleRepository;
import dev.custodian.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The throttle repository's contract on the jOOQ adapter, as the application role. */
class JooqThrottleRepositoryTest extends AbstractThrottleRepositoryContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Override
  protected ThrottleRepository repository(PortFixture ports) {
    return JooqThrottleStores.entries(db.persistence().transactions());
  }
}
