package dev.custodian.crm.core.customfield;

import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.testing.InMemoryPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryCustomFieldRepositoryTest extends AbstractCustomFieldRepositoryContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();

  @Override
  protected CustomFieldRepository fields() {
    return new InMemoryCustomFieldRepository(ports.transactions());
  }
}
