package dev.custodian.crm.core.session;

import java.util.Objects;
import java.util.UUID;

/** Identity of a session (not its token: the id is no secret and is never a credential). */
public record SessionId(UUID value) {

  public SessionId {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
