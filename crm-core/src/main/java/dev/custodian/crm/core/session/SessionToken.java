package dev.custodian.crm.core.session;

import dev.custodian.crm.core.common.Timestamps;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the store knows of one presented token: its session, when it was issued, and when a
 * rotation replaced it (empty while it is the session's current token). The token itself is not
 * here: it is stored only as its hash.
 */
public record SessionToken(Session session, Instant issuedAt, Optional<Instant> replacedAt) {

  public SessionToken {
    Objects.requireNonNull(session, "session");
    issuedAt = Timestamps.micros(Objects.requireNonNull(issuedAt, "issuedAt"));
    replacedAt = Objects.requireNonNull(replacedAt, "replacedAt").map(Timestamps::micros);
  }
}
