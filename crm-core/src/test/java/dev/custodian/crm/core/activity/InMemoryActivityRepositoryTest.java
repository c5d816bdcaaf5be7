package dev.custodian.crm.core.activity;

import dev.custodian.crm.core.activity.port.out.ActivityRepository;
import dev.custodian.crm.core.company.InMemoryCompanyRepository;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.InMemoryContactRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.deal.InMemoryDealRepository;
import dev.custodian.crm.core.link.InMemoryLinkTargets;
import dev.custodian.crm.core.pipeline.InMemoryPipelineRepository;
import dev.custodian.crm.core.testing.InMemoryPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryActivityRepositoryTest extends AbstractActivityRepositoryContractTest {

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
  protected ActivityRepository activities() {
    InMemoryDealRepository deals = new InMemoryDealRepository(ports.transactions(), companies, contacts,
        new InMemoryPipelineRepository(ports.transactions()));
    return new InMemoryActivityRepository(ports.transactions(), new InMemoryLinkTargets(contacts, companies, deals));
  }
}
