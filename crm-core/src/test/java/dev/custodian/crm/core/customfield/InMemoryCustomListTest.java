package dev.custodian.crm.core.customfield;

import dev.custodian.crm.core.company.InMemoryCompanyRepository;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.InMemoryContactRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.core.testing.InMemoryPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryCustomListTest extends AbstractCustomListContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();
  private InMemoryCompanyRepository companyStore;
  private InMemoryContactRepository contactStore;

  @Override
  protected CompanyRepository companies() {
    companyStore = new InMemoryCompanyRepository(ports.transactions());
    return companyStore;
  }

  @Override
  protected ContactRepository contacts() {
    contactStore = new InMemoryContactRepository(ports.transactions(), companyStore);
    return contactStore;
  }

  @Override
  protected CustomFieldRepository fields() {
    return new InMemoryCustomFieldRepository(ports.transactions());
  }

  @Override
  protected CustomValueRepository values() {
    InMemoryCustomValueRepository values = new InMemoryCustomValueRepository(ports.transactions(), fields);
    contactStore.readingCustomValuesFrom(values);
    contactStore.listingCustomValuesFrom(values);
    companyStore.listingCustomValuesFrom(values);
    return values;
  }
}
