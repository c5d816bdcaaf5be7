package dev.custodian.crm.core.access;

import dev.custodian.crm.core.access.port.out.ApiKeyRepository;
import dev.custodian.crm.core.testing.InMemoryPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryApiKeyRepositoryTest extends AbstractApiKeyRepositoryContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();

  @Override
  protected ApiKeyRepository apiKeys() {
    return new InMemoryApiKeyRepository(ports.transactions());
  }
}
