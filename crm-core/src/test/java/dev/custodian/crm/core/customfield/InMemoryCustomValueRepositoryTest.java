package dev.custodian.crm.core.customfield;

import dev.custodian.crm.core.company.InMemoryCompanyRepository;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.InMemoryContactRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.core.testing.InMemoryPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryCustomValueRepositoryTest extends AbstractCustomValueRepositoryContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();

  @Override
  protected CompanyRepository companies() {
    return new InMemoryCompanyRepository(ports.transactions());
  }

  @Override
  protected ContactRepository contacts() {
    return new InMemoryContactRepository(ports.transactions(), companies);
  }

  @Override
  protected CustomFieldRepository fields() {
    return new InMemoryCustomFieldRepository(ports.transactions());
  }

  @Override
  protected CustomValueRepository values() {
    return new InMemoryCustomValueRepository(ports.transactions(), fields);
  }
}
