package dev.custodian.crm.app.database;

import dev.custodian.crm.http.HttpApi;
import dev.custodian.crm.persistence.schema.Migrations;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Readiness: the database answers as the application role and no migration is pending. */
final class DatabaseReadiness implements HttpApi.Readiness {

  private static final Logger log = LoggerFactory.getLogger(DatabaseReadiness.class);

  private final DataSource appDataSource;

  DatabaseReadiness(DataSource appDataSource) {
    this.appDataSource = appDataSource;
  }

  @Override
  public Optional<String> notReadyReason() {
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
