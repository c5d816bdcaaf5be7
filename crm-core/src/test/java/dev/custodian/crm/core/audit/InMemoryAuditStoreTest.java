package dev.custodian.crm.core.audit;

import dev.custodian.crm.core.audit.port.out.AuditStore;
import dev.custodian.crm.core.testing.InMemoryPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryAuditStoreTest extends AbstractAuditStoreContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();

  @Override
  protected AuditStore auditStore() {
    return new InMemoryAuditStore(ports.transactions());
  }
}
