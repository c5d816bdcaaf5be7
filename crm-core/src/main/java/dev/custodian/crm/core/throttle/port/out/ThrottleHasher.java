package dev.custodian.crm.core.throttle.port.out;

import dev.custodian.crm.core.throttle.ThrottleKey;

/**
 * Out-port: turns a {@link ThrottleKey} into the opaque keyed hash that is stored instead of it
 * (crm-privacy's is an HMAC-SHA256 under a key derived from the master key), so that a database
 * dump alone cannot be used to test guessed addresses or IPs.
 */
public interface ThrottleHasher {

  /** The key's keyed hash: lower-case hex, at most 64 characters, the same for equal keys. */
  String hash(ThrottleKey key);
}
