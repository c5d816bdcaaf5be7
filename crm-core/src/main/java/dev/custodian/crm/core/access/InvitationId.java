package dev.custodian.crm.core.access;

import java.util.Objects;
import java.util.UUID;

/** Identity of an invitation (not its token). */
public record InvitationId(UUID value) {

  public InvitationId {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
