package dev.custodian.crm.app.database;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.custodian.crm.http.HttpApi;
import dev.custodian.crm.persistence.JooqPersistence;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/** Wiring: the persistence adapter over the application role's pool, and the readiness probe. */
public final class PersistenceModule extends AbstractModule {

  private final DataSource appDataSource;
  private final JooqPersistence persistence;
  private final BooleanSupplier databaseAlive;

  /**
   * @param appDataSource the pool connecting as crm_app; its owner closes it
   * @param persistence the adapter over that pool, its role checked ({@link DatabaseSetup#persistence})
   * @param databaseAlive what {@code /health} asks: false while the database is down and not
   *     recovering (the embedded one's watchdog)
   */
  public PersistenceModule(DataSource appDataSource, JooqPersistence persistence,
      BooleanSupplier databaseAlive) {
    this.appDataSource = Objects.requireNonNull(appDataSource, "appDataSource");
    this.persistence = Objects.requireNonNull(persistence, "persistence");
    this.databaseAlive = Objects.requireNonNull(databaseAlive, "databaseAlive");
  }

  @Provides
  JooqPersistence persistence() {
    return persistence;
  }

  @Provides
  @Singleton
  HttpApi.Readiness readiness() {
    return new DatabaseReadiness(appDataSource, databaseAlive);
  }
}
