package dev.custodian.crm.persistence.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Persistence adapter: the Flyway migrations of the schema, run as the owner role. The schema
 * lives in the database's {@code public} schema with Flyway's default history table
 * ({@code flyway_schema_history}): Custodian CRM needs a database of its own, and a database
 * whose history holds another application's migrations is refused with one clear line.
 */
public final class Migrations {

  private static final String LOCATION = "classpath:db/migration";
  private static final String HISTORY = "flyway_schema_history";

  /** The database's Flyway history is another application's. */
  public static final class ForeignHistoryException extends IllegalStateException {
    ForeignHistoryException() {
      super("the database already holds another application's Flyway history (" + HISTORY
          + " lists migrations that are not Custodian CRM's): give Custodian CRM a database of its own");
    }
  }

  private Migrations() {}

  /**
   * Applies every pending migration; returns how many ran. {@code owner} connects as crm_owner.
   *
   * @throws ForeignHistoryException when the history table lists migrations that are not ours
   */
  public static int migrate(DataSource owner) {
    Flyway flyway = flyway(owner);
    refuseForeignHistory(owner, flyway);
    return flyway.migrate().migrationsExecuted;
  }

  /** How many migrations on the classpath are not applied yet (readable by the app role). */
  public static int pending(DataSource dataSource) {
    return flyway(dataSource).info().pending().length;
  }

  private static void refuseForeignHistory(DataSource owner, Flyway flyway) {
    Set<String> ours = Arrays.stream(flyway.info().all())
        .filter(m -> m.getState().isResolved())
        .map(MigrationInfo::getScript)
        .collect(Collectors.toSet());
    try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
      try (ResultSet exists = st.executeQuery("select to_regclass('" + HISTORY + "') is not null")) {
        exists.next();
        if (!exists.getBoolean(1)) {
          return;
        }
      }
      try (ResultSet applied = st.executeQuery("select script from " + HISTORY + " where type <> 'SCHEMA'")) {
        while (applied.next()) {
          if (!ours.contains(applied.getString(1))) {
            throw new ForeignHistoryException();
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the database's migration history (SQLState "
          + e.getSQLState() + ")", e);
    }
  }

  private static Flyway flyway(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations(LOCATION)
        .failOnMissingLocations(true)
        .load();
  }
}
