package dev.custodian.crm.core.dsr;

import dev.custodian.crm.core.company.InMemoryCompanyRepository;
import dev.custodian.crm.core.contact.InMemoryContactRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.dsr.port.out.DataSubjectRequestRepository;
import dev.custodian.crm.core.testing.InMemoryPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryDataSubjectRequestRepositoryTest extends AbstractDataSubjectRequestRepositoryContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();

  private InMemoryContactRepository contactStore;

  @Override
  protected DataSubjectRequestRepository requests() {
    contactStore = new InMemoryContactRepository(ports.transactions(), new InMemoryCompanyRepository(ports.transactions()));
    return new InMemoryDataSubjectRequestRepository(ports.transactions(), contactStore);
  }

  @Override
  protected ContactRepository contacts() {
    return contactStore;
  }
}
