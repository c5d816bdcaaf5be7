package dev.custodian.crm.app.keys;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.custodian.crm.core.common.port.out.Transactions;
import dev.custodian.crm.core.privacy.port.out.KeyCheckRepository;
import dev.custodian.crm.core.privacy.port.out.KeyProvider;
import dev.custodian.crm.privacy.crypto.MasterKeyCheck;
import java.util.Objects;

/** Wiring: the master key as the {@link KeyProvider} out-port, and its check against the database. */
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
  MasterKeyCheck masterKeyCheck(Transactions transactions, KeyCheckRepository keyChecks, KeyProvider keys) {
    return new MasterKeyCheck(transactions, keyChecks, keys);
  }
}
