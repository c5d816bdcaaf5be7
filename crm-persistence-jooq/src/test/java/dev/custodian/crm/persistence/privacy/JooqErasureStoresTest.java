package dev.custodian.crm.persistence.privacy;

import dev.custodian.crm.core.common.port.out.Transactions;
import dev.custodian.crm.core.privacy.AbstractErasureStoresContractTest;
import dev.custodian.crm.core.privacy.port.out.ErasureReceiptRepository;
import dev.custodian.crm.core.privacy.port.out.KeyCheckRepository;
import dev.custodian.crm.core.privacy.port.out.SuppressionEntryRepository;
import dev.custodian.crm.core.tenant.port.out.WorkspaceRepository;
import dev.custodian.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class JooqErasureStoresTest extends AbstractErasureStoresContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Override
  protected Transactions transactions() {
    return db.persistence().transactions();
  }

  @Override
  protected WorkspaceRepository workspaces() {
    return db.persistence().workspaces();
  }

  @Override
  protected SuppressionEntryRepository suppressionEntries() {
    return db.persistence().suppressionEntries();
  }

  @Override
  protected ErasureReceiptRepository erasureReceipts() {
    return db.persistence().erasureReceipts();
  }

  @Override
  protected KeyCheckRepository keyChecks() {
    return db.persistence().keyChecks();
  }
}
