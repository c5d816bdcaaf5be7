package dev.custodian.crm.app.keys;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.custodian.crm.core.keys.port.out.KeyProvider;
import dev.custodian.crm.privacy.crypto.MasterKey;
import java.util.Objects;

/** Wiring: the master key, as {@link MasterKeys#load} found it, as the {@link KeyProvider} out-port. */
public final class KeyModule extends AbstractModule {

  private final MasterKey masterKey;

  public KeyModule(MasterKey masterKey) {
    this.masterKey = Objects.requireNonNull(masterKey, "masterKey");
  }

  @Provides
  KeyProvider keyProvider() {
    return masterKey;
  }
}
