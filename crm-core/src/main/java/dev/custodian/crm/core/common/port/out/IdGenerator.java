package dev.custodian.crm.core.common.port.out;

import java.util.UUID;

/** Out-port: new identifiers for aggregates, so tests can make them predictable. */
@FunctionalInterface
public interface IdGenerator {

  UUID newId();

  /** Random (version 4) UUIDs from a cryptographically strong source. */
  static IdGenerator random() {
    return UUID::randomUUID;
  }
}
