package dev.custodian.crm.privacy.throttle;

import dev.custodian.crm.core.keys.port.out.KeyProvider;
import dev.custodian.crm.core.throttle.ThrottleKey;
import dev.custodian.crm.core.throttle.port.out.ThrottleHasher;
import dev.custodian.crm.privacy.crypto.KeyDerivation;
import dev.custodian.crm.privacy.crypto.KeyedHash;
import java.util.Arrays;
import java.util.Objects;

/**
 * The throttle's {@link ThrottleHasher}: HMAC-SHA256 under the platform key of purpose
 * {@value #PURPOSE} (HKDF info {@code throttle:platform}) of {@code <kind>:<scope>:<normalised
 * value>}, e.g. {@code email:auth:ada@example.org} or {@code ip:auth:2001:db8:1:2::/64}. Without
 * the master key a database dump cannot be used to test guessed addresses or IPs.
 */
public final class KeyedThrottleHasher implements ThrottleHasher {

  /** The HKDF purpose of the key this hasher hashes with. */
  public static final String PURPOSE = "throttle";

  private final KeyProvider keys;

  public KeyedThrottleHasher(KeyProvider keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  @Override
  public String hash(ThrottleKey key) {
    Objects.requireNonNull(key, "key");
    byte[] master = keys.masterKey();
    byte[] derived = KeyDerivation.platformKey(master, PURPOSE);
    try {
      // A compound keyed value: its parts joined with ':' after the kind (scope and kind hold no ':').
      return KeyedHash.of(derived, key.kind(), key.scope() + ":" + key.normalisedValue());
    } finally {
      Arrays.fill(master, (byte) 0);
      Arrays.fill(derived, (byte) 0);
    }
  }
}
