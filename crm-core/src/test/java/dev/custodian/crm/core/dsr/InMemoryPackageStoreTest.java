package dev.custodian.crm.core.dsr;

import dev.custodian.crm.core.dsr.port.out.PackageStore;
import dev.custodian.crm.core.testing.InMemoryPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryPackageStoreTest extends AbstractPackageStoreContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();

  @Override
  protected PackageStore packageStore() {
    return new InMemoryPackageStore(ports.transactions());
  }
}
