package dev.custodian.crm.core.session;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.Timestamps;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed-in account's session: platform-level, ended by its absolute expiry whatever its activity
 * (ACC-06) or earlier by a revocation. Its tokens are not part of it: they rotate, and are stored
 * only as hashes.
 *
 * @param revokedAt empty while the session is not revoked
 * @param revocationReason present exactly when {@code revokedAt} is
 */
public record Session(SessionId id, AccountId account, Instant createdAt, Instant expiresAt,
    Optional<Instant> revokedAt, Optional<RevocationReason> revocationReason) {

  public Session {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(account, "account");
    createdAt = Timestamps.micros(Objects.requireNonNull(createdAt, "createdAt"));
    expiresAt = Timestamps.micros(Objects.requireNonNull(expiresAt, "expiresAt"));
    revokedAt = Objects.requireNonNull(revokedAt, "revokedAt").map(Timestamps::micros);
    Objects.requireNonNull(revocationReason, "revocationReason");
    if (!expiresAt.isAfter(createdAt)) {
      throw new IllegalArgumentException("a session expires after it is created");
    }
    if (revokedAt.isPresent() != revocationReason.isPresent()) {
      throw new IllegalArgumentException("a revocation has a time and a reason");
    }
  }

  /** A new, live session. */
  public static Session start(SessionId id, AccountId account, Instant now, Instant expiresAt) {
    return new Session(id, account, now, expiresAt, Optional.empty(), Optional.empty());
  }

  /** Whether it lets its holder in at {@code now}: not revoked and not expired. */
  public boolean isLiveAt(Instant now) {
    return revokedAt.isEmpty() && now.isBefore(expiresAt);
  }
}
