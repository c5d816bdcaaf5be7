package dev.custodian.crm.persistence.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.custodian.crm.core.common.error.UnavailableException;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.schema.DatabaseRoles;
import dev.custodian.crm.persistence.schema.DatabaseTimeouts;
import dev.custodian.crm.persistence.schema.PostgresDataSources;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.util.UUID;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JooqTransactionsTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  private static Record2<String, Integer> tenantSettingAndBackend(JooqTransactions tx) {
    return tx.dsl()
        .select(DSL.field("current_setting('crm.tenant_id', true)", String.class),
            DSL.field("pg_backend_pid()", Integer.class))
        .fetchOne();
  }

  @Test
  @DisplayName("TEN-01: the workspace setting of a transaction is gone for the next borrower of the same connection")
  void tenantSettingDoesNotLeakToTheNextBorrower() {
    HikariDataSource poolOfOne = db.pool(DatabaseRoles.APP, db.appPassword(), 1);
    JooqTransactions tx = new JooqTransactions(poolOfOne);
    WorkspaceId workspace = WorkspaceId.of(UUID.randomUUID());

    Record2<String, Integer> inside = tx.inWorkspace(workspace, () -> tenantSettingAndBackend(tx));
    Record2<String, Integer> after = tx.inPlatform(() -> tenantSettingAndBackend(tx));

    assertThat(inside.value1()).isEqualTo(workspace.toString());
    assertThat(after.value2()).as("same physical connection").isEqualTo(inside.value2());
    assertThat(after.value1()).as("workspace setting after the transaction").isNullOrEmpty();
  }

  @Test
  @DisplayName("A snapshot transaction is REPEATABLE READ, bound to its workspace; the connection's next borrower gets the default isolation again")
  void snapshotIsRepeatableRead_andDoesNotLeakToTheNextBorrower() {
    HikariDataSource poolOfOne = db.pool(DatabaseRoles.APP, db.appPassword(), 1);
    JooqTransactions tx = new JooqTransactions(poolOfOne);
    WorkspaceId workspace = WorkspaceId.of(UUID.randomUUID());

    Record2<String, Integer> isolation = tx.inWorkspaceSnapshot(workspace, () -> isolationAndBackend(tx));
    Record2<String, Integer> bound = tx.inWorkspaceSnapshot(workspace, () -> tenantSettingAndBackend(tx));
    Record2<String, Integer> after = tx.inWorkspace(workspace, () -> isolationAndBackend(tx));

    assertThat(isolation.value1()).isEqualTo("repeatable read");
    assertThat(bound.value1()).isEqualTo(workspace.toString());
    assertThat(after.value2()).as("same physical connection").isEqualTo(isolation.value2());
    assertThat(after.value1()).isEqualTo("read committed");
    assertThatThrownBy(() -> tx.inWorkspace(workspace, () -> tx.inWorkspaceSnapshot(workspace, () -> 1)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName("A snapshot transaction reads one instant: a row committed by another transaction after its first read stays invisible")
  void snapshotDoesNotSeeRowsCommittedAfterItsFirstRead() throws Exception {
    JooqTransactions tx = new JooqTransactions(db.appDataSource());
    WorkspaceId workspace = WorkspaceId.of(UUID.randomUUID());
    String count = "select count(*) from workspaces";
    int[] counts = tx.inWorkspaceSnapshot(workspace, () -> {
      int before = tx.dsl().fetchOne(count).get(0, Integer.class);
      try (Connection other = db.superuserConnection(); Statement insert = other.createStatement()) {
        insert.executeUpdate("insert into workspaces (id, name, slug, status, created_at) values ('"
            + UUID.randomUUID() + "', 'Later', 'later-" + UUID.randomUUID() + "', 'ACTIVE', now())");
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
      return new int[] {before, tx.dsl().fetchOne(count).get(0, Integer.class)};
    });
    assertThat(counts[1]).isEqualTo(counts[0]);
    assertThat(tx.inWorkspace(workspace, () -> tx.dsl().fetchOne(count).get(0, Integer.class))).isEqualTo(counts[0] + 1);
  }

  private static Record2<String, Integer> isolationAndBackend(JooqTransactions tx) {
    return tx.dsl()
        .select(DSL.field("current_setting('transaction_isolation')", String.class),
            DSL.field("pg_backend_pid()", Integer.class))
        .fetchOne();
  }

  @Test
  void givenTenantTransactionFailed_thenTheNextBorrowerIsCleanToo() {
    HikariDataSource poolOfOne = db.pool(DatabaseRoles.APP, db.appPassword(), 1);
    JooqTransactions tx = new JooqTransactions(poolOfOne);
    assertThatThrownBy(() -> tx.inWorkspace(WorkspaceId.of(UUID.randomUUID()), () -> {
      throw new IllegalStateException("boom");
    })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    assertThat(tx.inPlatform(() -> tenantSettingAndBackend(tx)).value1()).isNullOrEmpty();
  }

  @Test
  void givenStatementPastItsTimeout_thenUnavailable_andTheConnectionServesOn_withTheTimeoutOnTheAppRoleOnly()
      throws Exception {
    DatabaseTimeouts timeouts = new DatabaseTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200));
    try (HikariDataSource poolOfOne = PostgresDataSources.pooled(
        db.jdbcUrl(), DatabaseRoles.APP, db.appPassword(), 1, "test-statement-timeout", timeouts)) {
      JooqTransactions tx = new JooqTransactions(poolOfOne);
      int backend = tx.inPlatform(() -> tx.dsl().select(DSL.field("pg_backend_pid()", Integer.class)).fetchOne().value1());

      assertThatThrownBy(() -> tx.inPlatform(() -> tx.dsl().fetch("select pg_sleep(2)")))
          .isInstanceOfSatisfying(UnavailableException.class,
              e -> assertThat(e.failure()).isEqualTo("PSQLException (SQLState 57014)"));

      Record2<String, Integer> after = tx.inPlatform(() -> tx.dsl()
          .select(DSL.field("current_setting('statement_timeout')", String.class),
              DSL.field("pg_backend_pid()", Integer.class))
          .fetchOne());
      assertThat(after.value1()).isEqualTo("200ms");
      assertThat(after.value2()).as("the cancelled statement's connection stays").isEqualTo(backend);
    }
    try (Connection superuser = db.superuserConnection(); Statement st = superuser.createStatement();
        ResultSet rs = st.executeQuery("select current_setting('statement_timeout')")) {
      rs.next();
      assertThat(rs.getString(1)).as("a session option of the pool, not a setting of the database").isEqualTo("0");
    }
  }

  @Test
  void givenNoDatabaseAnswers_thenUnavailableWithinTheTimeout_butOtherErrorsStayAsTheyAre() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (HikariDataSource nowhere = PostgresDataSources.pooled("jdbc:postgresql://127.0.0.1:" + closedPort + "/crm",
        DatabaseRoles.APP, db.appPassword(), 1, "test-nowhere", DatabaseTimeouts.of(Duration.ofSeconds(1)))) {
      JooqTransactions tx = new JooqTransactions(nowhere);
      long started = System.nanoTime();
      assertThatThrownBy(() -> tx.inPlatform(() -> tx.dsl().fetch("select 1")))
          .isInstanceOfSatisfying(UnavailableException.class,
              e -> assertThat(e.failure()).startsWith("SQLTransientConnectionException"));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }
    JooqTransactions tx = new JooqTransactions(db.appDataSource());
    assertThatThrownBy(() -> tx.inPlatform(() -> tx.dsl().fetch("select * from no_such_table")))
        .isInstanceOf(org.jooq.exception.DataAccessException.class);
  }

  @Test
  void givenTransactions_thenTheCounterTotalsTheirStatementsCommitsAndRollbacks() {
    JooqTransactions tx = new JooqTransactions(db.appDataSource());
    StatementCounter counter = tx.statements();
    WorkspaceId workspace = WorkspaceId.of(UUID.randomUUID());

    tx.inWorkspace(workspace, () -> tx.dsl().fetch("select 1")); // the tenant setting, the query, the commit
    assertThat(counter.statements()).isEqualTo(2);
    assertThat(counter.commits()).isEqualTo(1);
    assertThat(counter.roundTrips()).isEqualTo(3);

    tx.inPlatform(() -> tx.dsl().fetch("select 2")); // a platform transaction sets no tenant
    assertThat(counter.statements()).isEqualTo(3);

    assertThatThrownBy(() -> tx.inPlatform(() -> tx.dsl().fetch("select * from no_such_table")))
        .isInstanceOf(org.jooq.exception.DataAccessException.class);
    assertThat(counter.statements()).as("a failed statement went out too").isEqualTo(4);
    assertThat(counter.rollbacks()).isEqualTo(1);
    assertThat(counter.roundTrips()).isEqualTo(4 + 2 + 1);
  }
}
