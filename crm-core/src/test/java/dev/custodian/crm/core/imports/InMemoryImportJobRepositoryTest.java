package dev.custodian.crm.core.imports;

import dev.custodian.crm.core.company.InMemoryCompanyRepository;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.InMemoryContactRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.imports.port.out.ImportStores;
import dev.custodian.crm.core.testing.InMemoryPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryImportJobRepositoryTest extends AbstractImportJobRepositoryContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();

  private InMemoryCompanyRepository companyFake;
  private InMemoryContactRepository contactFake;

  @Override
  protected ImportStores stores() {
    companyFake = new InMemoryCompanyRepository(ports.transactions());
    contactFake = new InMemoryContactRepository(ports.transactions(), companyFake);
    return InMemoryImportStores.create(ports.transactions(), contactFake, companyFake);
  }

  @Override
  protected ContactRepository contactStore() {
    return contactFake;
  }

  @Override
  protected CompanyRepository companyStore() {
    return companyFake;
  }
}
