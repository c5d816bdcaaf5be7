package dev.custodian.crm.app.database;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.http.HttpApi;
import dev.custodian.crm.persistence.JooqPersistence;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Wiring: the persistence adapter over the application role's pool (its transactions; each feature
 * module binds its own repositories from it), and the readiness probe.
 */
public final class PersistenceModule extends AbstractModule {

  private final DataSource appDataSource;

  /** @param appDataSource the pool connecting as crm_app; its owner closes it */
  public PersistenceModule(DataSource appDataSource) {
    this.appDataSource = Objects.requireNonNull(appDataSource, "appDataSource");
  }

  @Provides
  @Singleton
  JooqPersistence persistence() {
    return JooqPersistence.create(appDataSource);
  }

  @Provides
  Transactions transactions(JooqPersistence persistence) {
    return persistence.transactions();
  }

  @Provides
  @Singleton
  HttpApi.Readiness readiness() {
    return new DatabaseReadiness(appDataSource);
  }
}
