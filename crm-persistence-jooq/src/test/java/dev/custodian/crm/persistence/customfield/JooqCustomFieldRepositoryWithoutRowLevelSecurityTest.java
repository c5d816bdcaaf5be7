package dev.custodian.crm.persistence.customfield;

import dev.custodian.crm.core.customfield.AbstractCustomFieldRepositoryContractTest;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TEN-01, the first wall on its own: the custom field contract through a role that BYPASSES
 * row-level security, so every workspace-scoping case passes only because the queries filter by
 * themselves.
 */
@DisplayName("TEN-01: custom field queries filter by workspace on their own (run as a BYPASSRLS role)")
class JooqCustomFieldRepositoryWithoutRowLevelSecurityTest extends AbstractCustomFieldRepositoryContractTest {

  @RegisterExtension static final TestDatabase db = TestDatabase.bypassingRowLevelSecurity();

  @Override
  protected CustomFieldRepository fields() {
    return db.persistence().customFields();
  }
}
