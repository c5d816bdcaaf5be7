package dev.custodian.crm.core.keys.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * Out-port: the stored key-check value, a keyed hash of a fixed label under the master key (never
 * the key), so a start with a different master key is detected instead of silently failing to
 * match the suppression list. Platform-level; joins the caller's open transaction.
 */
public interface KeyCheckRepository {

  Optional<String> find();

  /** Stores the first key-check value; a second one is refused (there is exactly one master key). */
  void insert(String keyCheck, Instant createdAt);
}
