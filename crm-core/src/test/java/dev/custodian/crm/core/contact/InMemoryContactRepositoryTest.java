package dev.custodian.crm.core.contact;

import dev.custodian.crm.core.company.InMemoryCompanyRepository;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.testing.InMemoryPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryContactRepositoryTest extends AbstractContactRepositoryContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();
  private CompanyRepository companies;

  @Override
  protected CompanyRepository companies() {
    companies = new InMemoryCompanyRepository(ports.transactions());
    return companies;
  }

  @Override
  protected ContactRepository contacts() {
    return new InMemoryContactRepository(ports.transactions(), companies);
  }
}
