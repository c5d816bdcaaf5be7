package dev.custodian.crm.core.mail.port.out;

import dev.custodian.crm.core.mail.MailTokenPurpose;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Out-port: the one-time mail tokens (ACC-05, ACC-10), stored only as their SHA-256
 * ({@code TokenHash}), never in clear. Platform-level; joins the caller's open transaction and
 * fails with {@link IllegalStateException} when none is open.
 */
public interface MailTokenRepository {

  /**
   * Stores a new token of {@code account} for {@code purpose}, valid until {@code expiresAt}, and
   * voids every older unused token of that account and purpose: only the newest link works, also
   * when two are issued at once.
   */
  void issue(UUID account, MailTokenPurpose purpose, String tokenHash, Instant expiresAt, Instant now);

  /**
   * Uses the token with this hash: its account when it is of {@code purpose}, unused, not voided and
   * not expired at {@code now}; empty otherwise. One conditional update decides, so of two
   * concurrent calls with one token exactly one gets the account.
   */
  Optional<UUID> consume(MailTokenPurpose purpose, String tokenHash, Instant now);

  /**
   * Whether {@link #consume} would use this token now, without using it or locking it: a cheap
   * check before expensive work (hashing a new password), which {@code consume} still decides.
   */
  default boolean isUsable(MailTokenPurpose purpose, String tokenHash, Instant now) {
    return usableFor(purpose, tokenHash, now).isPresent();
  }

  /** As {@link #isUsable}, answering whom the token is for (its account, or an invitation), without using it. */
  Optional<UUID> usableFor(MailTokenPurpose purpose, String tokenHash, Instant now);
}
