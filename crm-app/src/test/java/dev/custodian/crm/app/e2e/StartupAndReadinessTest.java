package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.app.AppConfig;
import dev.custodian.crm.app.CrmServer;
import dev.custodian.crm.app.StartupException;
import dev.custodian.crm.persistence.schema.DatabaseRoles;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Starting against an external database: what makes serve refuse (one clear line, no stack
 * trace), and {@code /ready} answering 503 when the database stops being usable.
 */
class StartupAndReadinessTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Test
  void givenPendingMigrationAndNoOwner_whenServing_thenRefusesWithOneLine() throws Exception {
    String empty = "crm_unmigrated_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection superuser = db.server().superuserConnection("postgres")) {
      DatabaseRoles.createDatabase(superuser, empty, null);
    }
    try {
      Map<String, String> env = TestApp.environmentFor(db);
      env.put(AppConfig.DATABASE_URL, db.server().urlFor(empty));
      env.remove(AppConfig.DATABASE_OWNER_USER);
      env.remove(AppConfig.DATABASE_OWNER_PASSWORD);

      assertThatThrownBy(() -> TestApp.start(env))
          .isInstanceOf(StartupException.class)
          .hasMessageContaining("migration(s) pending")
          .hasMessageContaining("migrate")
          .hasNoCause()
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    } finally {
      db.server().dropDatabase(empty);
    }
  }

  @Test
  void givenOwnerCredentials_whenMigrating_thenUpToDate_andWithoutThemRefused() {
    Map<String, String> env = TestApp.environmentFor(db);
    assertThat(CrmServer.migrate(AppConfig.fromEnvironment(env))).isZero();

    env.remove(AppConfig.DATABASE_OWNER_USER);
    env.remove(AppConfig.DATABASE_OWNER_PASSWORD);
    assertThatThrownBy(() -> CrmServer.migrate(AppConfig.fromEnvironment(env)))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining(AppConfig.DATABASE_OWNER_USER);
  }

  @Test
  void givenWrongPassword_whenServing_thenRefusesWithOneLineNamingTheUser() {
    Map<String, String> env = TestApp.environmentFor(db);
    env.remove(AppConfig.DATABASE_OWNER_USER);
    env.remove(AppConfig.DATABASE_OWNER_PASSWORD);
    env.put(AppConfig.DATABASE_PASSWORD, "wrong-" + UUID.randomUUID());

    // The embedded test server trusts local connections; an external one checks passwords.
    if (db.server().serverLog().isPresent()) {
      env.put(AppConfig.DATABASE_USER, "no_such_role");
      assertThatThrownBy(() -> TestApp.start(env))
          .isInstanceOf(StartupException.class)
          .hasMessageContaining("refused user no_such_role")
          .hasMessageNotContaining(env.get(AppConfig.DATABASE_PASSWORD));
    } else {
      assertThatThrownBy(() -> TestApp.start(env))
          .isInstanceOf(StartupException.class)
          .hasMessageContaining("wrong user name or password")
          .hasMessageNotContaining(env.get(AppConfig.DATABASE_PASSWORD));
    }
  }

  @Test
  void givenUnreachableDatabase_whenServing_thenRefusesWithOneLine() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Map<String, String> env = TestApp.environmentFor(db);
    env.put(AppConfig.DATABASE_URL, "jdbc:postgresql://127.0.0.1:" + closedPort + "/crm");

    assertThatThrownBy(() -> TestApp.start(env))
        .isInstanceOf(StartupException.class)
        .hasMessage("cannot reach the database at 127.0.0.1:" + closedPort + "/crm: connection refused");
  }

  @Test
  void givenTakenPort_whenServing_thenRefusesWithOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      Map<String, String> env = TestApp.environmentFor(db);
      env.put(AppConfig.HTTP_PORT, String.valueOf(taken.getLocalPort()));

      assertThatThrownBy(() -> TestApp.start(env))
          .isInstanceOf(StartupException.class)
          .hasMessageContaining("already in use");
    }
  }

  @Test
  void givenSchemaHistoryUnreadable_whenAskedIfReady_thenNotReadyProblem() throws Exception {
    try (TestApp app = TestApp.on(db)) {
      assertThat(app.get("/ready").statusCode()).isEqualTo(200);
      revokeHistory(true);
      try {
        WorkspaceApiTest.assertProblem(app.get("/ready"), 503, "/problems/not-ready");
        assertThat(app.get("/health").statusCode()).as("liveness does not touch the database")
            .isEqualTo(200);
      } finally {
        revokeHistory(false);
      }
      assertThat(app.get("/ready").statusCode()).isEqualTo(200);
    }
  }

  private static void revokeHistory(boolean revoke) throws Exception {
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      st.execute(revoke
          ? "revoke select on flyway_schema_history from " + DatabaseRoles.APP
          : "grant select on flyway_schema_history to " + DatabaseRoles.APP);
    }
  }
}
