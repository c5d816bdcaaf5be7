package dev.custodian.crm.core.contact;

import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.testing.InMemoryPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryContactRepositoryTest extends AbstractContactRepositoryContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();

  @Override
  protected ContactRepository contacts() {
    return new InMemoryContactRepository(ports.transactions());
  }
}
