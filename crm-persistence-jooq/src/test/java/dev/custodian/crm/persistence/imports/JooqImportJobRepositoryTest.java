package dev.custodian.crm.persistence.imports;

import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.imports.AbstractImportJobRepositoryContractTest;
import dev.custodian.crm.core.imports.port.out.ImportStores;
import dev.custodian.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class JooqImportJobRepositoryTest extends AbstractImportJobRepositoryContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Override
  protected ImportStores stores() {
    return db.persistence().imports().orElseThrow();
  }

  @Override
  protected ContactRepository contactStore() {
    return db.persistence().contacts();
  }

  @Override
  protected CompanyRepository companyStore() {
    return db.persistence().companies();
  }
}
