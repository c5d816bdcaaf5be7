package dev.custodian.crm.persistence.common;

import dev.custodian.crm.core.tenancy.AbstractTransactionsContractTest;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.PortFixture;
import dev.custodian.crm.persistence.JooqPersistence;
import dev.custodian.crm.persistence.schema.DatabaseRoles;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.util.Optional;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The transactions contract on {@link JooqTransactions}, as the application role: its one
 * connection is a pool of one, the bound workspace is what {@code crm.tenant_id} reads to a
 * statement, and PostgreSQL's MVCC lets a writer commit beside an open snapshot.
 */
class JooqTransactionsContractTest extends AbstractTransactionsContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Override
  protected OneConnection oneConnection(PortFixture ports) {
    JooqPersistence single = JooqPersistence.create(db.pool(DatabaseRoles.APP, db.appPassword(), 1));
    return new OneConnection(single.transactions(), single.workspaces());
  }

  @Override
  protected Optional<WorkspaceId> boundWorkspace(Transactions transactions) {
    String setting = ((JooqTransactions) transactions).dsl()
        .select(DSL.field("nullif(current_setting('crm.tenant_id', true), '')", String.class)).fetchOne().value1();
    return Optional.ofNullable(setting).map(value -> WorkspaceId.of(UUID.fromString(value)));
  }

  @Override
  protected boolean writersRunBesideSnapshots() {
    return true;
  }
}
