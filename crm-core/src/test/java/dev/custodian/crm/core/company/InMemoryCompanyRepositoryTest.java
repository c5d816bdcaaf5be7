package dev.custodian.crm.core.company;

import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.testing.InMemoryPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryCompanyRepositoryTest extends AbstractCompanyRepositoryContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();

  @Override
  protected CompanyRepository companies() {
    return new InMemoryCompanyRepository(ports.transactions());
  }
}
