package dev.custodian.crm.core.session.port.in;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.session.SessionId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A token that let its holder in: whose session it is, and, when the token was due for rotation, the
 * session's new token, which the caller must hand to the client instead.
 */
public record Authentication(AccountId account, SessionId session, Instant expiresAt, Optional<IssuedSession> rotated) {

  public Authentication {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(rotated, "rotated");
  }
}
