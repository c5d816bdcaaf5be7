package dev.custodian.crm.core.task;

import dev.custodian.crm.core.company.InMemoryCompanyRepository;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.InMemoryContactRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.deal.InMemoryDealRepository;
import dev.custodian.crm.core.link.InMemoryLinkTargets;
import dev.custodian.crm.core.pipeline.InMemoryPipelineRepository;
import dev.custodian.crm.core.task.port.out.TaskRepository;
import dev.custodian.crm.core.testing.InMemoryPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryTaskRepositoryTest extends AbstractTaskRepositoryContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();

  @Override
  protected ContactRepository contacts() {
    return new InMemoryContactRepository(ports.transactions(), companies);
  }

  @Override
  protected CompanyRepository companies() {
    return new InMemoryCompanyRepository(ports.transactions());
  }

  @Override
  protected TaskRepository tasks() {
    InMemoryDealRepository deals = new InMemoryDealRepository(ports.transactions(), companies, contacts,
        new InMemoryPipelineRepository(ports.transactions()));
    return new InMemoryTaskRepository(ports.transactions(), new InMemoryLinkTargets(contacts, companies, deals));
  }
}
