package dev.custodian.crm.app.keys;

import dev.custodian.crm.core.keys.port.out.KeyProvider;
import java.util.Objects;

/** Key provider: the master key from crm-app's configuration (or its generated development file). */
public final class ConfiguredKeyProvider implements KeyProvider {

  private final MasterKey key;

  public ConfiguredKeyProvider(MasterKey key) {
    this.key = Objects.requireNonNull(key, "key");
  }

  /** A fresh copy on every call: the caller may wipe it. */
  @Override
  public byte[] masterKey() {
    return key.bytes();
  }

  @Override
  public String toString() {
    return "ConfiguredKeyProvider[redacted]";
  }
}
