package dev.custodian.crm.persistence.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.access.AbstractCredentialLookupContractTest;
import dev.custodian.crm.core.access.port.out.ApiKeyRepository;
import dev.custodian.crm.core.access.port.out.CredentialLookup;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.session.port.out.SessionRepository;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.session.JooqSessionStores;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The credential-lookup contract on the jOOQ adapter, and what it is for: each lookup is one
 * statement, which in a workspace transaction also binds it, so the statement after it is the
 * transaction's second, and already sees the workspace.
 */
class JooqCredentialLookupTest extends AbstractCredentialLookupContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  private JooqTransactions transactions() {
    return db.persistence().transactions();
  }

  @Override
  protected CredentialLookup lookup() {
    return JooqAccessStores.credentials(transactions());
  }

  @Override
  protected SessionRepository sessions() {
    return JooqSessionStores.sessions(transactions());
  }

  @Override
  protected ApiKeyRepository apiKeys() {
    return JooqAccessStores.apiKeys(transactions());
  }

  private String tenantSetting() {
    return transactions().dsl().fetchValue(DSL.field("current_setting('crm.tenant_id', true)", String.class));
  }

  /** The statements {@code work} sends, its commit included, and what it answered. */
  private <T> long statementsOf(Supplier<T> work) {
    long before = transactions().statements().roundTrips();
    work.get();
    return transactions().statements().roundTrips() - before;
  }

  @Test
  void inAWorkspaceTransaction_theLookupIsTheStatementThatBindsIt() {
    assertThat(in(a, () -> {
      lookup.member(a, AccountId.of(UUID.randomUUID()));
      return tenantSetting();
    })).isEqualTo(a.value().toString());
    assertThat(statementsOf(() -> in(a, () -> {
      lookup.session("0".repeat(64), Optional.of(a));
      return tenantSetting();
    }))).as("the lookup, the read, the commit").isEqualTo(3);
    assertThat(statementsOf(() -> in(a, this::tenantSetting)))
        .as("without a lookup the binding is a statement of its own").isEqualTo(3);
    assertThat(statementsOf(() -> tx.inPlatform(() -> lookup.apiKey("0".repeat(64))))).isEqualTo(2);
  }
}
