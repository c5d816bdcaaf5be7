package dev.custodian.crm.core.access;

import java.util.Objects;
import java.util.UUID;

/** Identity of an API key (not the key: the id is no secret and is never a credential). */
public record ApiKeyId(UUID value) {

  public ApiKeyId {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
