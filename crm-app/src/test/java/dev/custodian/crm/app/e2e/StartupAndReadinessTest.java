package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.app.AppConfig;
import dev.custodian.crm.app.CrmServer;
import dev.custodian.crm.app.Main;
import dev.custodian.crm.app.StartupException;
import dev.custodian.crm.app.SuiteLanes;
import dev.custodian.crm.persistence.schema.DatabaseRoles;
import dev.custodian.crm.persistence.testing.LogCapture;
import dev.custodian.crm.persistence.testing.TestDatabase;
import dev.custodian.crm.privacy.crypto.MasterKeyCheck;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Starting against an external database: what makes serve refuse (one clear line, no stack
 * trace), the master key's check against the database, and {@code /ready} answering 503 when the
 * database stops being usable.
 */
@ResourceLock(SuiteLanes.SHARED_OBSERVERS) // it watches every log line
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
  void givenExternalDatabaseWithoutMasterKey_whenServing_thenRefusesWithOneLine_butMigrateRuns() {
    Map<String, String> env = TestApp.environmentFor(db);
    env.remove(AppConfig.MASTER_KEY);

    assertThatThrownBy(() -> TestApp.start(env))
        .isInstanceOf(StartupException.class)
        .hasMessageStartingWith("CRM_MASTER_KEY is not set: with an external database")
        .hasNoCause()
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThat(CrmServer.migrate(AppConfig.fromEnvironment(env)))
        .as("migrate does not use the master key").isZero();
  }

  @Test
  void givenKeyCheckStoredUnderOneKey_whenRestartedWithAnother_thenRefused_andWithTheFirstStarts()
      throws Exception {
    byte[] first = TestApp.MASTER_KEY;
    try (TestApp app = TestApp.on(db)) {
      assertThat(app.get("/ready").statusCode()).isEqualTo(200);
    }
    List<String> rows = masterKeyCheckRows();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).as("the key-check value, never the key")
        .contains(MasterKeyCheck.valueOf(first));
    for (String form : keyForms(first)) {
      assertThat(rows.get(0)).doesNotContain(form);
    }

    byte[] other = TestApp.randomKey();
    Map<String, String> env = TestApp.environmentFor(db);
    env.put(AppConfig.MASTER_KEY, Base64.getEncoder().encodeToString(other));
    try (LogCapture logs = new LogCapture()) {
      assertThatThrownBy(() -> TestApp.start(env))
          .isInstanceOf(StartupException.class)
          .hasMessageStartingWith("CRM_MASTER_KEY does not match the master key this database was"
              + " set up with; refusing to start")
          .hasNoCause()
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
      List<String> forms = new ArrayList<>(keyForms(first));
      forms.addAll(keyForms(other));
      for (String line : logs.lines()) {
        for (String form : forms) {
          assertThat(line).doesNotContain(form);
        }
      }
    }
    assertThat(masterKeyCheckRows()).as("the stored value is kept").isEqualTo(rows);
    awaitNoApplicationConnections(); // the refused start closed its pool again

    try (TestApp app = TestApp.on(db)) {
      assertThat(app.get("/ready").statusCode()).as("the first key still starts").isEqualTo(200);
    }
  }

  /** The key as raw bytes (read as Latin-1 text), base64 (both alphabets) and hex. */
  private static List<String> keyForms(byte[] key) {
    return List.of(
        new String(key, StandardCharsets.ISO_8859_1),
        Base64.getEncoder().encodeToString(key),
        Base64.getEncoder().withoutPadding().encodeToString(key),
        Base64.getUrlEncoder().withoutPadding().encodeToString(key),
        HexFormat.of().formatHex(key),
        HexFormat.of().withUpperCase().formatHex(key));
  }

  /** Every row of master_key_check as text, read as the superuser. */
  private static List<String> masterKeyCheckRows() throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.superuserConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select t::text from master_key_check t")) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  private static void awaitNoApplicationConnections() throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    long open;
    do {
      try (Connection c = db.superuserConnection();
          PreparedStatement st = c.prepareStatement("select count(*) from pg_stat_activity"
              + " where datname = ? and usename = ? and pid <> pg_backend_pid()")) {
        st.setString(1, db.name());
        st.setString(2, DatabaseRoles.APP);
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          open = rs.getLong(1);
        }
      }
      if (open > 0) {
        Thread.sleep(100);
      }
    } while (open > 0 && System.nanoTime() < deadline);
    assertThat(open).as("connections of %s left open", DatabaseRoles.APP).isZero();
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
  @DisplayName("TEN-02: serve refuses a database URL that carries user or password, naming the variable and the parameter")
  void givenCredentialsInTheDatabaseUrl_whenServing_thenConfigurationError() {
    Map<String, String> env = TestApp.environmentFor(db);
    env.put(AppConfig.DATABASE_URL, db.jdbcUrl() + "?user=postgres");
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();

    assertThat(Main.run(new String[] {"serve"}, env, new java.io.PrintStream(err, true))).isEqualTo(2);
    assertThat(err.toString().strip()).doesNotContain("\n")
        .contains(AppConfig.DATABASE_URL).contains("'user'").doesNotContain("=postgres");
  }

  @Test
  @DisplayName("TEN-02: serve refuses, in one line, to run as a superuser or a BYPASSRLS role")
  void givenARoleThatBypassesRowLevelSecurity_whenServing_thenRefusesWithOneLine() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String password = "pw-" + UUID.randomUUID();
    Map<String, String> roles = Map.of("crm_test_serve_super_" + suffix, "superuser",
        "crm_test_serve_bypass_" + suffix, "bypassrls");
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      for (Map.Entry<String, String> role : roles.entrySet()) {
        st.execute("create role " + role.getKey() + " login " + role.getValue() + " password '" + password + "'");
        st.execute("grant " + DatabaseRoles.APP + " to " + role.getKey());
      }
    }
    try {
      for (Map.Entry<String, String> role : roles.entrySet()) {
        Map<String, String> env = TestApp.environmentFor(db);
        env.put(AppConfig.DATABASE_USER, role.getKey());
        env.put(AppConfig.DATABASE_PASSWORD, password);
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();

        assertThat(Main.run(new String[] {"serve"}, env, new java.io.PrintStream(err, true))).isEqualTo(1);
        assertThat(err.toString().strip()).as(role.getValue())
            .doesNotContain("\n").doesNotContain(password)
            .contains(role.getKey()).contains(role.getValue().equals("superuser") ? "is a superuser" : "has BYPASSRLS");
      }
    } finally { // privileged roles must not outlive the test on a shared server
      try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
        for (String role : roles.keySet()) {
          st.execute("drop role if exists " + role);
        }
      }
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
