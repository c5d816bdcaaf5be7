package dev.custodian.crm.app.database;

import com.zaxxer.hikari.HikariDataSource;
import dev.custodian.crm.app.AppConfig;
import dev.custodian.crm.app.StartupException;
import dev.custodian.crm.persistence.JooqPersistence;
import dev.custodian.crm.persistence.schema.ApplicationRoleCheck;
import dev.custodian.crm.persistence.schema.DatabaseTimeouts;
import dev.custodian.crm.persistence.schema.Migrations;
import dev.custodian.crm.persistence.schema.PostgresDataSources;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to a servable state: checks that each role can connect (with one clear line
 * when it cannot), migrates as the owner when the owner's credentials are given, refuses to serve
 * a schema with pending migrations, and opens the application role's pool.
 */
public final class DatabaseSetup {

  private static final Logger log = LoggerFactory.getLogger(DatabaseSetup.class);

  private DatabaseSetup() {}

  /** Migrates as the owner; the owner's credentials are required. Returns how many ran. */
  public static int migrate(DatabaseConnection db) {
    Credentials owner = db.owner().orElseThrow(() -> new StartupException(
        "migrate needs the owner role: set " + AppConfig.DATABASE_OWNER_USER + " and "
            + AppConfig.DATABASE_OWNER_PASSWORD));
    DataSource ds = PostgresDataSources.unpooled(db.jdbcUrl(), owner.user(), owner.password());
    checkConnects(ds, db, owner.user());
    int applied;
    try {
      applied = Migrations.migrate(ds);
    } catch (Migrations.ForeignHistoryException e) {
      throw new StartupException(e.getMessage());
    } catch (FlywayException e) {
      throw new StartupException("migrating the database failed: " + firstLine(e.getMessage()));
    }
    if (applied > 0) {
      log.info("Database schema migrated: {} migration(s) applied", applied);
    } else {
      log.info("Database schema is up to date");
    }
    return applied;
  }

  /**
   * The persistence adapter over the serving pool, after checking that its role cannot bypass
   * row-level security.
   *
   * @throws StartupException with one line when the role is a superuser, has BYPASSRLS or owns a
   *     workspace-owned table
   */
  public static JooqPersistence persistence(DataSource pool) {
    try {
      return JooqPersistence.create(pool);
    } catch (ApplicationRoleCheck.UnsafeRoleException e) {
      throw new StartupException(e.getMessage());
    }
  }

  /**
   * Migrates when the owner's credentials are given, checks the application role and the schema,
   * and opens the pool the application serves from, with the given timeouts and at most
   * {@code poolSize} connections.
   */
  public static HikariDataSource prepareToServe(DatabaseConnection db, DatabaseTimeouts timeouts, int poolSize) {
    Credentials app = db.app();
    DataSource probe = PostgresDataSources.unpooled(db.jdbcUrl(), app.user(), app.password());
    if (db.owner().isPresent()) {
      migrate(db);
      checkConnects(probe, db, app.user());
    } else {
      checkConnects(probe, db, app.user());
      int pending;
      try {
        pending = Migrations.pending(probe);
      } catch (FlywayException e) {
        throw new StartupException("cannot read the schema history as " + app.user() + ": "
            + firstLine(e.getMessage()));
      }
      if (pending > 0) {
        throw new StartupException("the database schema is behind: " + pending
            + " migration(s) pending; run `java -jar crm-app.jar migrate` with "
            + AppConfig.DATABASE_OWNER_USER + " and " + AppConfig.DATABASE_OWNER_PASSWORD
            + " set (or set them for serve)");
      }
    }
    return PostgresDataSources.pooled(db.jdbcUrl(), app.user(), app.password(), poolSize, "crm-app",
        timeouts);
  }

  private static void checkConnects(DataSource ds, DatabaseConnection db, String user) {
    try (Connection c = ds.getConnection()) {
      c.isValid(5);
    } catch (SQLException e) {
      throw new StartupException(connectionFailure(e, db, user));
    }
  }

  /** One line for a failed connection, by SQLState: never the server's text, never the URL. */
  static String connectionFailure(SQLException e, DatabaseConnection db, String user) {
    String where = "the database at " + db.describe();
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.equals("28P01") || state.startsWith("28")) {
      return where + " refused user " + user + ": wrong user name or password";
    }
    if (state.equals("3D000")) {
      return where + " does not exist";
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return "cannot reach " + where + ": unknown host";
      }
      if (t instanceof ConnectException) {
        return "cannot reach " + where + ": connection refused";
      }
    }
    if (state.startsWith("08")) {
      return "cannot reach " + where + " (SQLState " + state + ")";
    }
    return "cannot connect to " + where + " as " + user + " (SQLState " + state + ")";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no reason given";
    }
    String line = message.strip().lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
