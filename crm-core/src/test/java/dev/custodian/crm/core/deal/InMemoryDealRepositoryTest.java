package dev.custodian.crm.core.deal;

import dev.custodian.crm.core.company.InMemoryCompanyRepository;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.InMemoryContactRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.customfield.InMemoryCustomFieldRepository;
import dev.custodian.crm.core.customfield.InMemoryCustomValueRepository;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.core.deal.port.out.DealRepository;
import dev.custodian.crm.core.pipeline.InMemoryPipelineRepository;
import dev.custodian.crm.core.pipeline.port.out.PipelineRepository;
import dev.custodian.crm.core.testing.InMemoryPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryDealRepositoryTest extends AbstractDealRepositoryContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();

  @Override
  protected PipelineRepository pipelines() {
    return new InMemoryPipelineRepository(ports.transactions());
  }

  @Override
  protected CompanyRepository companies() {
    return new InMemoryCompanyRepository(ports.transactions());
  }

  @Override
  protected ContactRepository contacts() {
    return new InMemoryContactRepository(ports.transactions(), companies);
  }

  @Override
  protected DealRepository deals() {
    return new InMemoryDealRepository(ports.transactions(), companies, contacts, pipelines);
  }

  @Override
  protected CustomFieldRepository customFields() {
    return new InMemoryCustomFieldRepository(ports.transactions());
  }

  @Override
  protected CustomValueRepository customValues() {
    InMemoryCustomValueRepository values = new InMemoryCustomValueRepository(ports.transactions(), customFields);
    ((InMemoryDealRepository) deals).readingCustomValuesFrom(values); // as the jOOQ adapter reads them
    return values;
  }
}
