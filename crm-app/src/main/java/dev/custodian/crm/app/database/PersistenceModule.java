package dev.custodian.crm.app.database;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.custodian.crm.core.common.port.out.Transactions;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.privacy.port.out.ErasureReceiptRepository;
import dev.custodian.crm.core.privacy.port.out.SuppressionEntryRepository;
import dev.custodian.crm.core.privacy.port.out.KeyCheckRepository;
import dev.custodian.crm.core.tenant.port.out.WorkspaceRepository;
import dev.custodian.crm.http.HttpApi;
import dev.custodian.crm.persistence.JooqPersistence;
import java.util.Objects;
import javax.sql.DataSource;

/** Wiring: the persistence adapter over the application role's pool, and the readiness probe. */
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
  WorkspaceRepository workspaces(JooqPersistence persistence) {
    return persistence.workspaces();
  }

  @Provides
  ContactRepository contacts(JooqPersistence persistence) {
    return persistence.contacts();
  }

  @Provides
  SuppressionEntryRepository suppressionEntries(JooqPersistence persistence) {
    return persistence.suppressionEntries();
  }

  @Provides
  ErasureReceiptRepository erasureReceipts(JooqPersistence persistence) {
    return persistence.erasureReceipts();
  }

  @Provides
  KeyCheckRepository keyChecks(JooqPersistence persistence) {
    return persistence.keyChecks();
  }

  @Provides
  @Singleton
  HttpApi.Readiness readiness() {
    return new DatabaseReadiness(appDataSource);
  }
}
