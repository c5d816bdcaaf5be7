package dev.custodian.crm.core.access.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.session.port.in.IssuedSession;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a transaction let into a workspace and with which role: a signed-in account or an API key
 * (never a {@link Actor.Presented} credential: that is what it resolved to), its effective role,
 * the session's new token when the check rotated it, whether the workspace is cancelled (then it
 * may only be read, RET-02), and the account's (a key's: its creator's) email when the check read it
 * (for audit entries).
 */
public record Admission(Actor actor, Role role, Optional<IssuedSession> rotated, boolean workspaceCancelled,
    Optional<String> email) {

  public Admission {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(rotated, "rotated");
    Objects.requireNonNull(email, "email");
    if (actor instanceof Actor.Presented) {
      throw new IllegalArgumentException("an admission names whom the credential let in");
    }
  }
}
