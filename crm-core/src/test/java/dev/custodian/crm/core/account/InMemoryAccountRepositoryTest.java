package dev.custodian.crm.core.account;

import dev.custodian.crm.core.account.port.out.AccountRepository;
import dev.custodian.crm.core.testing.InMemoryPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryAccountRepositoryTest extends AbstractAccountRepositoryContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();

  @Override
  protected AccountRepository accounts() {
    return new InMemoryAccountRepository(ports.transactions());
  }
}
