package dev.custodian.crm.core.session.service;

import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditActor;
import dev.custodian.crm.core.audit.AuditChain;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditEvent;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.audit.port.out.AuditLog;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.session.RevocationReason;
import dev.custodian.crm.core.session.Session;
import dev.custodian.crm.core.session.SessionPolicy;
import dev.custodian.crm.core.session.SessionToken;
import dev.custodian.crm.core.session.port.in.Authentication;
import dev.custodian.crm.core.session.port.in.IssuedSession;
import dev.custodian.crm.core.session.port.out.SessionRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The one check of a presented session token ({@link SessionToken#useAt}), run inside the caller's
 * open transaction: a platform one for the account's own routes, the use case's workspace
 * transaction for everything else. Its writes join that transaction: a token due for rotation is
 * replaced there, so the new token exists exactly when that transaction commits; a replaced token
 * presented after the grace revokes its session there, and the caller must then commit and refuse
 * (rolling back would undo the revocation).
 */
public final class SessionTokenCheck {

  private final SessionRepository sessions;
  private final TokenGenerator tokens;
  private final Clock clock;
  private final SessionPolicy policy;
  private final AuditLog audit;

  public SessionTokenCheck(SessionRepository sessions, TokenGenerator tokens, Clock clock, SessionPolicy policy) {
    this(sessions, tokens, clock, policy, AuditLog.NONE);
  }

  /** @param audit the trail whose platform chain records a reused token's detection */
  public SessionTokenCheck(SessionRepository sessions, TokenGenerator tokens, Clock clock, SessionPolicy policy,
      AuditLog audit) {
    this.audit = Objects.requireNonNull(audit, "audit");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /**
   * Who {@code presented} (the store's record of the token with {@code hash}, if any) lets in;
   * empty when it lets nobody in. Joins the open transaction.
   */
  public Optional<Authentication> admit(Optional<SessionToken> presented, String hash) {
    return admit(presented, hash, true);
  }

  /**
   * As {@link #admit(Optional, String)}; with {@code mayRotate} false a token due for rotation is
   * let in unchanged (rotated by the session's next request): for a response whose body starts
   * before its transaction commits (an export), which could not carry the new token's cookie.
   */
  public Optional<Authentication> admit(Optional<SessionToken> presented, String hash, boolean mayRotate) {
    if (presented.isEmpty()) {
      return Optional.empty();
    }
    Instant now = Timestamps.now(clock);
    Session session = presented.get().session();
    return switch (presented.get().useAt(now, policy)) {
      case CURRENT, RACING -> Optional.of(authentication(session, Optional.empty()));
      case DUE -> {
        if (!mayRotate) {
          yield Optional.of(authentication(session, Optional.empty()));
        }
        String next = tokens.newToken(SessionPolicy.TOKEN_PREFIX);
        // false: a concurrent request rotated it first, and this one is within the grace.
        Optional<IssuedSession> replacement = sessions.rotate(hash, TokenHash.of(next), now)
            ? Optional.of(new IssuedSession(session.id(), next, session.expiresAt()))
            : Optional.empty();
        yield Optional.of(authentication(session, replacement));
      }
      case REUSED -> {
        sessions.revoke(session.id(), now, RevocationReason.TOKEN_REUSED);
        audit.append(AuditChain.platform(), AuditEvent.of(AuditActor.account(session.account().value()),
            AuditAction.TOKEN_REUSE_DETECTED, AuditTargetType.SESSION, session.id().value(), AuditDetails.none()));
        yield Optional.empty();
      }
      case REFUSED -> Optional.empty();
    };
  }

  private static Authentication authentication(Session session, Optional<IssuedSession> rotated) {
    return new Authentication(session.account(), session.id(), session.expiresAt(), rotated);
  }
}
