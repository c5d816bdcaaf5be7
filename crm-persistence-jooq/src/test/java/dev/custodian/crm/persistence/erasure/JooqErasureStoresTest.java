package dev.custodian.crm.persistence.erasure;

import dev.custodian.crm.core.erasure.AbstractErasureStoresContractTest;
import dev.custodian.crm.core.erasure.port.out.ErasureReceiptRepository;
import dev.custodian.crm.core.erasure.port.out.SuppressionEntryRepository;
import dev.custodian.crm.core.keys.port.out.KeyCheckRepository;
import dev.custodian.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class JooqErasureStoresTest extends AbstractErasureStoresContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

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
