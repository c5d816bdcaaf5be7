package dev.custodian.crm.persistence.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.custodian.crm.core.access.port.out.MembershipRepository;
import dev.custodian.crm.core.account.port.out.AccountRepository;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.testing.PortFixture;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import dev.custodian.crm.persistence.JooqPersistence;
import dev.custodian.crm.persistence.schema.DatabaseRoles;
import dev.custodian.crm.persistence.schema.PostgresDataSources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension: a migrated database of the test class's own on the JVM's one PostgreSQL.
 * Register it as {@code @RegisterExtension static final TestDatabase db = new TestDatabase();}.
 * Pools are opened lazily and closed, and the database dropped, after the class.
 *
 * <p>It is also the jOOQ adapter's {@link PortFixture}: a port contract test that registers it
 * gets its transactions and stores from {@link #persistence()}. With
 * {@link #bypassingRowLevelSecurity()} that persistence connects as a role that bypasses
 * row-level security, so a contract passes only if the queries filter by workspace themselves.
 */
public final class TestDatabase
    implements BeforeAllCallback, AfterAllCallback, PortFixture.Extension {

  private static final String BYPASSING_ROLE = "crm_test_bypassrls";
  private static final String BYPASSING_PASSWORD = "bypass-" + UUID.randomUUID();

  private final boolean bypassing;
  private PostgresServer server;
  private String name;
  private HikariDataSource app;
  private JooqPersistence persistence;
  private final List<HikariDataSource> pools = new ArrayList<>();

  public TestDatabase() {
    this(false);
  }

  private TestDatabase(boolean bypassing) {
    this.bypassing = bypassing;
  }

  /** A database whose {@link #persistence()} connects as a BYPASSRLS member of crm_app. */
  public static TestDatabase bypassingRowLevelSecurity() {
    return new TestDatabase(true);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = PostgresServer.get();
    name = server.createDatabase();
    if (bypassing) {
      createBypassingRole();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server == null) {
      return; // beforeAll failed and said why
    }
    pools.forEach(HikariDataSource::close);
    pools.clear();
    app = null;
    persistence = null;
    server.dropDatabase(name);
  }

  /** The database's name. */
  public String name() {
    return name;
  }

  /** Its JDBC URL, without credentials. */
  public String jdbcUrl() {
    return server.urlFor(name);
  }

  public PostgresServer server() {
    return server;
  }

  /** A shared pool connecting as the application role, crm_app. */
  public synchronized DataSource appDataSource() {
    if (app == null) {
      app = pool(DatabaseRoles.APP, PostgresServer.APP_PASSWORD, 4);
    }
    return app;
  }

  /**
   * The persistence adapter over {@link #appDataSource()}, or over a role that bypasses
   * row-level security for a {@link #bypassingRowLevelSecurity()} database.
   */
  public synchronized JooqPersistence persistence() {
    if (persistence == null) {
      persistence = bypassing
          ? JooqPersistence.createTrustingTheRole(pool(BYPASSING_ROLE, BYPASSING_PASSWORD, 4))
          : JooqPersistence.create(appDataSource());
    }
    return persistence;
  }

  @Override
  public Transactions transactions() {
    return persistence().transactions();
  }

  @Override
  public WorkspaceRepository workspaces() {
    return persistence().workspaces();
  }

  @Override
  public AccountRepository accounts() {
    return persistence().accounts();
  }

  @Override
  public MembershipRepository memberships() {
    return persistence().memberships();
  }

  /** A role with crm_app's grants that bypasses row-level security (cluster-wide, made once). */
  private void createBypassingRole() {
    try (Connection c = superuserConnection(); Statement st = c.createStatement()) {
      st.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + BYPASSING_ROLE
          + "') then create role " + BYPASSING_ROLE + "; end if; end $$");
      st.execute("alter role " + BYPASSING_ROLE + " login bypassrls nosuperuser inherit password '"
          + BYPASSING_PASSWORD + "'");
      st.execute("grant " + DatabaseRoles.APP + " to " + BYPASSING_ROLE);
      try (ResultSet rs = st.executeQuery(
          "select rolbypassrls from pg_roles where rolname = '" + BYPASSING_ROLE + "'")) {
        if (!rs.next() || !rs.getBoolean(1)) {
          throw new IllegalStateException("the test role must bypass row-level security");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the BYPASSRLS test role", e);
    }
  }

  /** A new pool of the given role and size, closed after the class. */
  public synchronized HikariDataSource pool(String user, String password, int size) {
    HikariDataSource pool = PostgresDataSources.pooled(jdbcUrl(), user, password, size, "test-" + user);
    pools.add(pool);
    return pool;
  }

  public String appPassword() {
    return PostgresServer.APP_PASSWORD;
  }

  public String ownerPassword() {
    return PostgresServer.OWNER_PASSWORD;
  }

  /** Work on one connection, in SQL of the test's own. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs each statement as the application role, outside any workspace, and returns the SQLState
   * it failed with, in order; {@code null} for one that ran (everything is rolled back).
   */
  public List<String> sqlStatesAsApp(String... statements) throws SQLException {
    List<String> states = new ArrayList<>();
    for (String sql : statements) {
      try {
        asApp(null, c -> {
          try (java.sql.Statement st = c.createStatement()) {
            return st.executeUpdate(sql);
          }
        });
        states.add(null);
      } catch (SQLException e) {
        states.add(e.getSQLState());
      }
    }
    return states;
  }

  /**
   * Runs raw SQL as the application role in one transaction bound to {@code workspace} (to none when
   * {@code null}) exactly as the adapter binds it, then rolls back: row-level security on its own.
   */
  public <T> T asApp(UUID workspace, SqlWork<T> work) throws SQLException {
    try (Connection c = appDataSource().getConnection()) {
      c.setAutoCommit(false);
      try {
        if (workspace != null) {
          try (PreparedStatement set = c.prepareStatement("select set_config('crm.tenant_id', ?, true)")) {
            set.setString(1, workspace.toString());
            set.execute();
          }
        }
        return work.run(c);
      } finally {
        c.rollback();
      }
    }
  }

  /**
   * TEN-02 for one tenant table: raw SQL as the application role ({@code select tenant_id from
   * <table>}) bound to each of {@code workspaces} sees that workspace's rows and no other's (each
   * must have one at least), and bound to none sees none.
   */
  public void assertEachWorkspaceSeesOnlyItsRows(String table, UUID... workspaces) throws SQLException {
    for (UUID workspace : workspaces) {
      List<UUID> seen = asApp(workspace, c -> tenantsOf(c, table));
      assertThat(seen).as("%s bound to %s", table, workspace).isNotEmpty()
          .containsOnly(workspace);
    }
    List<UUID> unbound = asApp(null, c -> tenantsOf(c, table));
    assertThat(unbound).as("%s bound to no workspace", table).isEmpty();
  }

  private static List<UUID> tenantsOf(Connection c, String table) throws SQLException {
    List<UUID> tenants = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select tenant_id from " + table)) {
      while (rs.next()) {
        tenants.add(rs.getObject(1, UUID.class));
      }
    }
    return tenants;
  }

  /** A superuser connection to this database, for checks the application role must not do. */
  public Connection superuserConnection() throws SQLException {
    return server.superuserConnection(name);
  }
}
