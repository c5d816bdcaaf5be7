package dev.custodian.crm.core.retention;

import dev.custodian.crm.core.retention.port.out.RetentionStore;
import dev.custodian.crm.core.testing.InMemoryPorts;
import dev.custodian.crm.core.testing.PortFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryRetentionStoreTest extends AbstractRetentionStoreContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();

  @Override
  protected RetentionStore store(PortFixture fixture) {
    return new InMemoryRetentionStore(ports.transactions());
  }
}
