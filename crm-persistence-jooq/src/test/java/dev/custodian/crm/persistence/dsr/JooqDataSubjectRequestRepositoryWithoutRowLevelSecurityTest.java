package dev.custodian.crm.persistence.dsr;

import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.dsr.AbstractDataSubjectRequestRepositoryContractTest;
import dev.custodian.crm.core.dsr.port.out.DataSubjectRequestRepository;
import dev.custodian.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

/** TEN-01, the first wall on its own: the request contract through a role that BYPASSES row-level security. */
@DisplayName("TEN-01: request queries filter by workspace on their own (run as a BYPASSRLS role)")
class JooqDataSubjectRequestRepositoryWithoutRowLevelSecurityTest extends AbstractDataSubjectRequestRepositoryContractTest {

  @RegisterExtension static final TestDatabase db = TestDatabase.bypassingRowLevelSecurity();

  @Override
  protected DataSubjectRequestRepository requests() {
    return db.persistence().dataSubjectRequests();
  }

  @Override
  protected ContactRepository contacts() {
    return db.persistence().contacts();
  }
}
