package dev.custodian.crm.persistence.customfield;

import dev.custodian.crm.core.customfield.AbstractCustomFieldRepositoryContractTest;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The custom field contract through the application role: queries and row-level security together. */
class JooqCustomFieldRepositoryTest extends AbstractCustomFieldRepositoryContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Override
  protected CustomFieldRepository fields() {
    return db.persistence().customFields();
  }
}
