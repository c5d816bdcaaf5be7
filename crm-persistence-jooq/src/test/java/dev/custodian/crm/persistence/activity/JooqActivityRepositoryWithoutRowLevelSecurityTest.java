package dev.custodian.crm.persistence.activity;

import dev.custodian.crm.core.activity.AbstractActivityRepositoryContractTest;
import dev.custodian.crm.core.activity.port.out.ActivityRepository;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TEN-01, the first wall on its own: the activity contract through a role that BYPASSES row-level
 * security, so every workspace-scoping case passes only because the queries filter by themselves.
 */
@DisplayName("TEN-01: activity queries filter by workspace on their own (run as a BYPASSRLS role)")
class JooqActivityRepositoryWithoutRowLevelSecurityTest extends AbstractActivityRepositoryContractTest {

  @RegisterExtension static final TestDatabase db = TestDatabase.bypassingRowLevelSecurity();

  @Override
  protected ContactRepository contacts() {
    return db.persistence().contacts();
  }

  @Override
  protected CompanyRepository companies() {
    return db.persistence().companies();
  }

  @Override
  protected ActivityRepository activities() {
    return db.persistence().activities();
  }
}
