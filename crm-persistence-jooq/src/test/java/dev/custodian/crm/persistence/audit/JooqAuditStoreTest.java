package dev.custodian.crm.persistence.audit;

import dev.custodian.crm.core.audit.AbstractAuditStoreContractTest;
import dev.custodian.crm.core.audit.port.out.AuditStore;
import dev.custodian.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class JooqAuditStoreTest extends AbstractAuditStoreContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Override
  protected AuditStore auditStore() {
    return db.persistence().auditStore();
  }
}
