package dev.custodian.crm.core.erasure;

import dev.custodian.crm.core.erasure.port.out.ErasureReceiptRepository;
import dev.custodian.crm.core.erasure.port.out.SuppressionEntryRepository;
import dev.custodian.crm.core.keys.InMemoryKeyCheckRepository;
import dev.custodian.crm.core.keys.port.out.KeyCheckRepository;
import dev.custodian.crm.core.testing.InMemoryPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryErasureStoresTest extends AbstractErasureStoresContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();

  @Override
  protected SuppressionEntryRepository suppressionEntries() {
    return new InMemorySuppressionEntryRepository(ports.transactions());
  }

  @Override
  protected ErasureReceiptRepository erasureReceipts() {
    return new InMemoryErasureReceiptRepository(ports.transactions());
  }

  @Override
  protected KeyCheckRepository keyChecks() {
    return new InMemoryKeyCheckRepository(ports.transactions());
  }
}
