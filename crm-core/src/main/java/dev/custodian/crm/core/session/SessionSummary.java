package dev.custodian.crm.core.session;

import dev.custodian.crm.core.common.Timestamps;
import java.time.Instant;
import java.util.Objects;

/**
 * A session's metadata as its account may read it: the session and when it was last seen (its
 * current token's issue, so within one rotation period of its last use). No token, nor its hash.
 */
public record SessionSummary(Session session, Instant lastSeenAt) {

  public SessionSummary {
    Objects.requireNonNull(session, "session");
    lastSeenAt = Timestamps.micros(Objects.requireNonNull(lastSeenAt, "lastSeenAt"));
  }
}
