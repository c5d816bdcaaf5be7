package dev.custodian.crm.persistence.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.erasure.AbstractErasureStoresContractTest;
import dev.custodian.crm.core.erasure.SuppressionKind;
import dev.custodian.crm.core.erasure.port.out.ErasureReceiptRepository;
import dev.custodian.crm.core.erasure.port.out.SuppressionEntryRepository;
import dev.custodian.crm.core.keys.port.out.KeyCheckRepository;
import dev.custodian.crm.persistence.common.StatementCounter;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
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

  @Test
  void givenAnEmailAndAPhone_whenCheckedTogether_thenTheCheckCostsTheLocksAndOneRead() {
    StatementCounter counter = db.persistence().transactions().statements();
    Map<SuppressionKind, String> both = Map.of(SuppressionKind.EMAIL, "ab".repeat(32), SuppressionKind.PHONE, "cd".repeat(32));

    long before = counter.statements();
    db.persistence().transactions().inWorkspace(a, () -> suppression.existing(a, both));
    assertThat(counter.statements() - before).as("the tenant setting, the locks, the read").isEqualTo(3);

    before = counter.statements();
    db.persistence().transactions().inWorkspace(a, () -> suppression.existing(a, Map.of()));
    assertThat(counter.statements() - before).as("nothing asked: nothing sent, not even the tenant setting").isZero();
  }
}
