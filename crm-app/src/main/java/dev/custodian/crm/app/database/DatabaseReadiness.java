package dev.custodian.crm.app.database;

import dev.custodian.crm.http.HttpApi;
import dev.custodian.crm.persistence.schema.Migrations;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readiness: the database answers as the application role and no migration is pending; liveness:
 * the database is not down for good (the embedded one's watchdog says so; an external one is
 * someone else's to restart).
 */
final class DatabaseReadiness implements HttpApi.Readiness {

  private static final Logger log = LoggerFactory.getLogger(DatabaseReadiness.class);

  private final DataSource appDataSource;
  private final BooleanSupplier databaseAlive;

  DatabaseReadiness(DataSource appDataSource, BooleanSupplier databaseAlive) {
    this.appDataSource = appDataSource;
    this.databaseAlive = databaseAlive;
  }

  @Override
  public boolean isAlive() {
    return databaseAlive.getAsBoolean();
  }

  @Override
  public Optional<String> notReadyReason() {
    if (!databaseAlive.getAsBoolean()) {
      return Optional.of("The database is down.");
    }
    try {
      int pending = Migrations.pending(appDataSource);
      return pending == 0
          ? Optional.empty()
          : Optional.of(pending + " database migration(s) pending.");
    } catch (RuntimeException e) {
      log.warn("Readiness check failed: {}", e.getClass().getName());
      return Optional.of("The database is not reachable.");
    }
  }
}
