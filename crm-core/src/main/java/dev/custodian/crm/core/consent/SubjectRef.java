package dev.custodian.crm.core.consent;

import java.util.Objects;
import java.util.UUID;

/**
 * Value object: the random reference the ledger knows a person by instead of a contact id; only
 * the subject link (deleted by an erasure) joins it to a contact, so a kept ledger names no one.
 */
public record SubjectRef(UUID value) {

  public SubjectRef {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
