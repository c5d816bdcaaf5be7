package dev.custodian.crm.app.keys;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.keys.port.out.KeyCheckRepository;
import dev.custodian.crm.core.keys.port.out.KeyProvider;
import dev.custodian.crm.privacy.crypto.MasterKeyCheck;
import dev.custodian.crm.persistence.JooqPersistence;
import dev.custodian.crm.persistence.keys.JooqKeyStores;
import java.time.Clock;
import java.util.Objects;

/**
 * Wiring: the master key as the {@link KeyProvider} out-port, its stored check value, and the
 * check against the database.
 */
public final class KeyModule extends AbstractModule {

  private final MasterKey masterKey;

  /** @param masterKey as {@link MasterKeys#load} found it */
  public KeyModule(MasterKey masterKey) {
    this.masterKey = Objects.requireNonNull(masterKey, "masterKey");
  }

  @Provides
  @Singleton
  KeyProvider keyProvider() {
    return new ConfiguredKeyProvider(masterKey);
  }

  @Provides
  @Singleton
  KeyCheckRepository keyChecks(JooqPersistence persistence) {
    return JooqKeyStores.keyChecks(persistence);
  }

  @Provides
  @Singleton
  MasterKeyCheck masterKeyCheck(
      Transactions transactions, KeyCheckRepository keyChecks, KeyProvider keys, Clock clock) {
    return new MasterKeyCheck(transactions, keyChecks, keys, clock);
  }
}
