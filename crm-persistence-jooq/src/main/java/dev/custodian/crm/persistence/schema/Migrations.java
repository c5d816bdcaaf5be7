package dev.custodian.crm.persistence.schema;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Persistence adapter: the Flyway migrations of the schema, run as the owner role. */
public final class Migrations {

  private static final String LOCATION = "classpath:db/migration";

  private Migrations() {}

  /** Applies every pending migration; returns how many ran. {@code owner} connects as crm_owner. */
  public static int migrate(DataSource owner) {
    return flyway(owner).migrate().migrationsExecuted;
  }

  /** How many migrations on the classpath are not applied yet (readable by the app role). */
  public static int pending(DataSource dataSource) {
    return flyway(dataSource).info().pending().length;
  }

  private static Flyway flyway(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations(LOCATION)
        .failOnMissingLocations(true)
        .load();
  }
}
