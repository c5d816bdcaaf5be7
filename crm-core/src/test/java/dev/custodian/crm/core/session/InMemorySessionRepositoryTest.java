package dev.custodian.crm.core.session;

import dev.custodian.crm.core.session.port.out.SessionRepository;
import dev.custodian.crm.core.testing.InMemoryPorts;
import dev.custodian.crm.core.testing.PortFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemorySessionRepositoryTest extends AbstractSessionRepositoryContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();

  @Override
  protected SessionRepository sessions(PortFixture fixture) {
    return new InMemorySessionRepository(ports.transactions());
  }
}
