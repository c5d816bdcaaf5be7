package dev.custodian.crm.persistence.schema;

import static dev.custodian.crm.persistence.generated.Tables.CONTACTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresDataSourcesTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Test
  void givenAPooledConnection_thenAJooqStatementIsPreparedOnTheServerAtItsFirstExecution_andReusedAfter() {
    HikariDataSource poolOfOne = db.pool(DatabaseRoles.APP, db.appPassword(), 1);
    JooqTransactions tx = new JooqTransactions(poolOfOne);
    WorkspaceId workspace = WorkspaceId.of(UUID.randomUUID());

    int counted = tx.inWorkspace(workspace, () -> tx.dsl().selectCount().from(CONTACTS)
        .where(CONTACTS.TENANT_ID.eq(workspace.value())).fetchOne(0, int.class));
    List<String> afterOne = countsOfContactsPreparedOnTheServer(tx);
    tx.inWorkspace(workspace, () -> tx.dsl().selectCount().from(CONTACTS)
        .where(CONTACTS.TENANT_ID.eq(workspace.value())).fetchOne(0, int.class));

    assertThat(counted).isZero();
    assertThat(afterOne).as("named statements on the pool's one connection").hasSize(1);
    assertThat(countsOfContactsPreparedOnTheServer(tx)).as("the second execution reuses it").isEqualTo(afterOne);
  }

  private static List<String> countsOfContactsPreparedOnTheServer(JooqTransactions tx) {
    return tx.inPlatform(() -> tx.dsl()
        .fetch("select statement from pg_prepared_statements where not from_sql")
        .getValues(0, String.class)).stream()
        .filter(sql -> sql.contains("count(*)") && sql.contains("contacts"))
        .toList();
  }
}
