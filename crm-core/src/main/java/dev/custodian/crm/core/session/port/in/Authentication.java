package dev.custodian.crm.core.session.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.session.SessionId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A token that let its holder in: who acts, and, when the token was due for rotation, the
 * session's new token, which the caller must hand to the client instead.
 */
public record Authentication(Actor actor, SessionId session, Instant expiresAt, Optional<IssuedSession> rotated) {

  public Authentication {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(rotated, "rotated");
  }
}
