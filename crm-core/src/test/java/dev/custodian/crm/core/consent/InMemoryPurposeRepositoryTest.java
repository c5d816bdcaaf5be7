package dev.custodian.crm.core.consent;

import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.core.testing.InMemoryPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryPurposeRepositoryTest extends AbstractPurposeRepositoryContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();

  @Override
  protected PurposeRepository purposes() {
    return new InMemoryPurposeRepository(ports.transactions());
  }
}
