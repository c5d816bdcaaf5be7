package dev.custodian.crm.core.session.port.in;

import dev.custodian.crm.core.session.SessionId;
import java.time.Instant;
import java.util.Objects;

/**
 * A session token just minted, for the caller to hand to the client once (over HTTP: only in the
 * session cookie, never in a body). {@link #toString()} leaves the token out.
 *
 * @param token the secret; the store keeps only its SHA-256
 * @param expiresAt when the session ends whatever its activity
 */
public record IssuedSession(SessionId session, String token, Instant expiresAt) {

  public IssuedSession {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "IssuedSession[session=" + session + ", token=(redacted), expiresAt=" + expiresAt + "]";
  }
}
