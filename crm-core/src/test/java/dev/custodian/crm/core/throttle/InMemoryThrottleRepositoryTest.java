package dev.custodian.crm.core.throttle;

import dev.custodian.crm.core.testing.InMemoryPorts;
import dev.custodian.crm.core.testing.PortFixture;
import dev.custodian.crm.core.throttle.port.out.ThrottleRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryThrottleRepositoryTest extends AbstractThrottleRepositoryContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();

  @Override
  protected ThrottleRepository repository(PortFixture fixture) {
    return new InMemoryThrottleRepository(ports.transactions());
  }
}
