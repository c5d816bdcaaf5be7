package dev.custodian.crm.core.company;

import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.customfield.InMemoryCustomFieldRepository;
import dev.custodian.crm.core.customfield.InMemoryCustomValueRepository;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.core.testing.InMemoryPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryCompanyRepositoryTest extends AbstractCompanyRepositoryContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();

  @Override
  protected CompanyRepository companies() {
    return new InMemoryCompanyRepository(ports.transactions());
  }

  @Override
  protected CustomFieldRepository customFields() {
    return new InMemoryCustomFieldRepository(ports.transactions());
  }

  @Override
  protected CustomValueRepository customValues() {
    InMemoryCustomValueRepository values = new InMemoryCustomValueRepository(ports.transactions(), customFields);
    ((InMemoryCompanyRepository) companies).readingCustomValuesFrom(values); // as the jOOQ adapter reads them
    return values;
  }
}
