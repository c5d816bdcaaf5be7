package dev.custodian.crm.core.session.port.out;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.account.port.out.AccountSessions;
import dev.custodian.crm.core.session.RevocationReason;
import dev.custodian.crm.core.session.Session;
import dev.custodian.crm.core.session.SessionId;
import dev.custodian.crm.core.session.SessionSummary;
import dev.custodian.crm.core.session.SessionToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Out-port: sessions and their tokens, platform-level records. A token is only ever given and
 * stored as its {@code TokenHash} (ACC-05). Sessions go with their account when it is deleted.
 * Every method joins the caller's open transaction and fails with {@link IllegalStateException}
 * when none is open.
 */
public interface SessionRepository extends AccountSessions {

  /** Stores a new session with its first token, issued at the session's creation. */
  void insert(Session session, String tokenHash);

  /** The token with this hash and its session; empty for a hash never issued (or gone with its account). */
  Optional<SessionToken> findByTokenHash(String tokenHash);

  /**
   * Replaces the session's current token {@code currentHash} by {@code nextHash}, issued at
   * {@code at}; false, changing nothing, when {@code currentHash} is not current any more (a
   * concurrent request rotated it first). Atomic across processes sharing the store.
   */
  boolean rotate(String currentHash, String nextHash, Instant at);

  /** Ends a session that is not ended yet; false when it was already revoked or does not exist. */
  boolean revoke(SessionId id, Instant at, RevocationReason reason);

  /**
   * Every session of the account (live, expired or revoked), newest first, each with when it was
   * last seen: its latest token's issue. Never a token nor its hash.
   */
  List<SessionSummary> sessionsOf(AccountId account);

  /** Ends every not yet revoked session of the account; returns how many. */
  int revokeAll(AccountId account, Instant at, RevocationReason reason);

  @Override
  default int endAllSessions(AccountId account, Instant at) {
    return revokeAll(account, at, RevocationReason.PASSWORD_CHANGED);
  }
}
