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

  /** What presenting this token at {@code now} comes to, under {@code policy}: the one rule for every check of a session token. */
  public Use useAt(Instant now, SessionPolicy policy) {
    if (!session.isLiveAt(now)) {
      return Use.REFUSED;
    }
    if (replacedAt.isPresent()) {
      // A replaced token long after its rotation: whoever holds it may not be the session's holder.
      return now.isBefore(replacedAt.get().plus(SessionPolicy.GRACE)) ? Use.RACING : Use.REUSED;
    }
    return now.isBefore(issuedAt.plus(policy.rotateAfter())) ? Use.CURRENT : Use.DUE;
  }

  /** The outcomes of presenting a token. */
  public enum Use {
    /** The session's current token, young enough: lets in. */
    CURRENT,
    /** The session's current token, old enough to be replaced by this request: lets in and rotates. */
    DUE,
    /** Replaced within {@link SessionPolicy#GRACE}: a request that raced the rotation; lets in, mints nothing. */
    RACING,
    /** Replaced longer ago: refused, and the session is revoked ({@code TOKEN_REUSED}). */
    REUSED,
    /** The session is revoked or expired: refused. */
    REFUSED
  }
}
