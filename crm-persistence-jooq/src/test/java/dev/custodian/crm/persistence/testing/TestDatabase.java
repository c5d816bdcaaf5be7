package dev.custodian.crm.persistence.testing;

import com.zaxxer.hikari.HikariDataSource;
import dev.custodian.crm.persistence.JooqPersistence;
import dev.custodian.crm.persistence.schema.DatabaseRoles;
import dev.custodian.crm.persistence.schema.PostgresDataSources;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension: a migrated database of the test class's own on the JVM's one PostgreSQL.
 * Register it as {@code @RegisterExtension static final TestDatabase db = new TestDatabase();}.
 * Pools are opened lazily and closed, and the database dropped, after the class.
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback {

  private PostgresServer server;
  private String name;
  private HikariDataSource app;
  private JooqPersistence persistence;
  private final List<HikariDataSource> pools = new ArrayList<>();

  @Override
  public void beforeAll(ExtensionContext context) {
    server = PostgresServer.get();
    name = server.createDatabase();
  }

  @Override
  public void afterAll(ExtensionContext context) {
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

  /** The persistence adapter over {@link #appDataSource()}. */
  public synchronized JooqPersistence persistence() {
    if (persistence == null) {
      persistence = JooqPersistence.create(appDataSource());
    }
    return persistence;
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

  /** A superuser connection to this database, for checks the application role must not do. */
  public Connection superuserConnection() throws SQLException {
    return server.superuserConnection(name);
  }
}
