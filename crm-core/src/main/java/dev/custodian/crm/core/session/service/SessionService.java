package dev.custodian.crm.core.session.service;

import dev.custodian.crm.core.account.Account;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.account.Password;
import dev.custodian.crm.core.account.PasswordHash;
import dev.custodian.crm.core.account.port.out.AccountRepository;
import dev.custodian.crm.core.account.port.out.PasswordHasher;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditActor;
import dev.custodian.crm.core.audit.AuditChain;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditEvent;
import dev.custodian.crm.core.audit.AuditOutcome;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.audit.ClientInfo;
import dev.custodian.crm.core.audit.PersonalFields;
import dev.custodian.crm.core.audit.port.out.AuditLog;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.BusyException;
import dev.custodian.crm.core.common.error.CrmException;
import dev.custodian.crm.core.common.error.ForbiddenException;
import dev.custodian.crm.core.common.error.RateLimitedException;
import dev.custodian.crm.core.common.error.UnauthenticatedException;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.session.RevocationReason;
import dev.custodian.crm.core.session.Session;
import dev.custodian.crm.core.session.SessionId;
import dev.custodian.crm.core.session.SessionPolicy;
import dev.custodian.crm.core.session.SessionToken;
import dev.custodian.crm.core.session.port.in.AuthenticateUseCase;
import dev.custodian.crm.core.session.port.in.Authentication;
import dev.custodian.crm.core.session.port.in.ChangePasswordCommand;
import dev.custodian.crm.core.session.port.in.ChangePasswordUseCase;
import dev.custodian.crm.core.session.port.in.ReauthenticateUseCase;
import dev.custodian.crm.core.session.port.in.IssuedSession;
import dev.custodian.crm.core.session.port.in.SignInCommand;
import dev.custodian.crm.core.session.port.in.SignInOutcome;
import dev.custodian.crm.core.session.port.in.SignInUseCase;
import dev.custodian.crm.core.session.port.in.SignOutUseCase;
import dev.custodian.crm.core.session.port.out.SessionRepository;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.throttle.ThrottleKey;
import dev.custodian.crm.core.throttle.service.Throttle;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Services of the session feature. Passwords are hashed and verified outside any transaction (a
 * hash takes tens of milliseconds; a pooled connection must not wait on it). Every password check
 * first reserves a hit on its throttle keys (committed in the throttle's own transaction, refused
 * past the limit), so parallel guesses cannot all pass before any is counted; a right password
 * takes its hit back, so only failures stay counted.
 */
final class SessionService implements SignInUseCase, AuthenticateUseCase, SignOutUseCase, ChangePasswordUseCase,
    ReauthenticateUseCase {

  /** The throttle's scope of failed sign-ins (and wrong passwords given to re-authenticate). */
  static final String THROTTLE_SCOPE = "sign-in";

  private static final String WRONG_CREDENTIALS = "the email or password is wrong";
  private static final String NO_SESSION = "sign in first: there is no valid session";

  private final Transactions transactions;
  private final SessionRepository sessions;
  private final AccountRepository accounts;
  private final PasswordHasher hasher;
  private final Throttle throttle;
  private final TokenGenerator tokens;
  private final IdGenerator ids;
  private final Clock clock;
  private final SessionPolicy policy;
  /** What an unknown email's password is checked against: the same work as a wrong password. */
  private final PasswordHash standIn;
  private final SessionTokenCheck check;
  private final AuditLog audit;

  SessionService(Transactions transactions, SessionRepository sessions, AccountRepository accounts,
      PasswordHasher hasher, Throttle throttle, TokenGenerator tokens, IdGenerator ids, Clock clock,
      SessionPolicy policy, AuditLog audit) {
    this.audit = Objects.requireNonNull(audit, "audit");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.throttle = Objects.requireNonNull(throttle, "throttle");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.check = new SessionTokenCheck(sessions, tokens, clock, policy, audit);
    Password random = new Password(tokens.newToken("standin_"));
    try {
      this.standIn = hasher.hash(random);
    } finally {
      random.wipe();
    }
  }

  @Override
  public SignInOutcome signIn(SignInCommand command) {
    Password password = command.password();
    try {
      ThrottleKey[] keys = throttleKeys(command.email(), command.clientIp());
      try {
        throttle.check(keys);
      } catch (RateLimitedException throttled) {
        transactions.inPlatform(() -> signInEvent(accounts.findByEmail(command.email()), command,
            AuditAction.SIGN_IN_THROTTLED, AuditOutcome.REFUSED, AuditDetails.none()));
        throw throttled;
      }
      Optional<Account> found = transactions.inPlatform(() -> accounts.findByEmail(command.email()));
      // One verification either way, so the time to answer does not tell whether the email has an account.
      if (!(verify(password, found.map(Account::passwordHash).orElse(standIn), keys) && found.isPresent())) {
        transactions.inPlatform(() -> signInEvent(found, command, AuditAction.SIGN_IN_FAILED, AuditOutcome.FAILED,
            AuditDetails.none()));
        throw new UnauthenticatedException(WRONG_CREDENTIALS); // the reserved hit stays: a failure
      }
      passwordWasRight(keys);
      Account account = found.get();
      if (!account.isEmailVerified()) {
        transactions.inPlatform(() -> signInEvent(found, command, AuditAction.SIGN_IN_FAILED, AuditOutcome.REFUSED,
            AuditDetails.none().withName(AuditDetails.Key.REASON, CrmException.Kind.EMAIL_NOT_VERIFIED)));
        throw new ForbiddenException(CrmException.Kind.EMAIL_NOT_VERIFIED,
            "confirm your email address first: follow the link in the mail we sent");
      }
      Optional<PasswordHash> upgraded = hasher.needsRehash(account.passwordHash())
          ? Optional.of(hasher.hash(password))
          : Optional.empty();
      IssuedSession session = transactions.inPlatform(() -> {
        upgraded.ifPresent(hash -> accounts.updatePasswordHash(account.id(), hash));
        IssuedSession started = startSession(account.id());
        signInEvent(found, command, AuditAction.SIGN_IN_SUCCEEDED, AuditOutcome.SUCCEEDED, AuditDetails.none());
        return started;
      });
      return new SignInOutcome.SignedIn(account.id(), session);
    } finally {
      password.wipe();
    }
  }

  @Override
  public Authentication authenticate(String token) {
    if (!SessionPolicy.isWellFormed(token)) {
      throw new UnauthenticatedException(NO_SESSION);
    }
    String hash = TokenHash.of(token);
    // Committed even when refused: a reused token's revocation must stay.
    return transactions.inPlatform(() -> check.admit(sessions.findByTokenHash(hash), hash))
        .orElseThrow(() -> new UnauthenticatedException(NO_SESSION));
  }

  @Override
  public void signOut(String token) {
    signOut(token, ClientInfo.unknown());
  }

  @Override
  public void signOut(String token, ClientInfo client) {
    if (!SessionPolicy.isWellFormed(token)) {
      return;
    }
    String hash = TokenHash.of(token);
    Instant now = Timestamps.now(clock);
    transactions.inPlatform(() -> {
      sessions.findByTokenHash(hash)
          .filter(presented -> presented.replacedAt().isEmpty()
              || now.isBefore(presented.replacedAt().get().plus(SessionPolicy.GRACE)))
          .ifPresent(presented -> {
            sessions.revoke(presented.session().id(), now, RevocationReason.SIGNED_OUT);
            AccountId account = presented.session().account();
            audit.append(AuditChain.platform(), new AuditEvent(AuditActor.account(account.value()),
                AuditAction.SIGNED_OUT, AuditTargetType.SESSION, Optional.of(presented.session().id().value()),
                AuditOutcome.SUCCEEDED, AuditDetails.none(),
                PersonalFields.of(accounts.findById(account).map(a -> a.email().value()).orElse(null), client)));
          });
      return null;
    });
  }

  @Override
  public IssuedSession change(AccountId self, ChangePasswordCommand command) {
    try {
      Account account = transactions.inPlatform(() -> accounts.findById(self))
          .orElseThrow(() -> new UnauthenticatedException(NO_SESSION));
      ThrottleKey[] keys = throttleKeys(account.email(), command.clientIp());
      throttle.check(keys);
      if (!verify(command.current(), account.passwordHash(), keys)) {
        throw new ForbiddenException(CrmException.Kind.REAUTHENTICATION_FAILED, "the current password is wrong");
      }
      passwordWasRight(keys);
      PasswordHash hash = hasher.hash(command.next());
      Instant now = Timestamps.now(clock);
      return transactions.inPlatform(() -> {
        accounts.updatePasswordHash(self, hash);
        sessions.revokeAll(self, now, RevocationReason.PASSWORD_CHANGED);
        audit.append(AuditChain.platform(), new AuditEvent(AuditActor.account(self.value()),
            AuditAction.PASSWORD_CHANGED, AuditTargetType.ACCOUNT, Optional.of(self.value()), AuditOutcome.SUCCEEDED,
            AuditDetails.none(), PersonalFields.of(account.email().value(), ClientInfo.of(command.clientIp(), null))));
        return startSession(self);
      });
    } finally {
      command.current().wipe();
      command.next().wipe();
    }
  }

  @Override
  public void reauthenticate(AccountId self, Password password, String clientIp) {
    try {
      Account account = transactions.inPlatform(() -> accounts.findById(self))
          .orElseThrow(() -> new UnauthenticatedException(NO_SESSION));
      ThrottleKey[] keys = throttleKeys(account.email(), clientIp);
      throttle.check(keys);
      if (!verify(password, account.passwordHash(), keys)) {
        throw new ForbiddenException(CrmException.Kind.REAUTHENTICATION_FAILED, "the password is wrong");
      }
      passwordWasRight(keys);
    } finally {
      password.wipe();
    }
  }

  /**
   * Appends a sign-in event to the platform chain, in the open transaction: an existing account's
   * with its email, IP and user agent (encrypted under its subject key); an unknown email's as
   * {@code ANONYMOUS}, with neither email nor IP.
   */
  private Void signInEvent(Optional<Account> account, SignInCommand command, AuditAction action, AuditOutcome outcome,
      AuditDetails details) {
    AuditEvent event = account
        .map(a -> new AuditEvent(AuditActor.account(a.id().value()), action, AuditTargetType.ACCOUNT,
            Optional.of(a.id().value()), outcome, details, PersonalFields.of(a.email().value(), command.client())))
        .orElseGet(() -> new AuditEvent(AuditActor.anonymous(), action, AuditTargetType.ACCOUNT, Optional.empty(),
            outcome, details, PersonalFields.none()));
    audit.append(AuditChain.platform(), event);
    return null;
  }

  /** The hasher's answer; a busy hasher checked nothing, so the reserved hits go back. */
  private boolean verify(Password password, PasswordHash hash, ThrottleKey[] keys) {
    try {
      return hasher.verify(password, hash);
    } catch (BusyException busy) {
      throttle.release(keys);
      throw busy;
    }
  }

  /** Forgets the account's failures and takes back the client address's reserved hit. */
  private void passwordWasRight(ThrottleKey[] keys) {
    throttle.clear(keys[0]);
    throttle.release(keys[1]);
  }

  /** A new session and its first token; joins the open transaction. */
  private IssuedSession startSession(AccountId account) {
    Instant now = Timestamps.now(clock);
    String token = tokens.newToken(SessionPolicy.TOKEN_PREFIX);
    Session session = Session.start(new SessionId(ids.newId()), account, now, now.plus(policy.maxAge()));
    sessions.insert(session, TokenHash.of(token));
    return new IssuedSession(session.id(), token, session.expiresAt());
  }

  /** The account's key first: a success clears it, while the client address's count only loses its reserved hit. */
  private static ThrottleKey[] throttleKeys(EmailAddress email, String clientIp) {
    return new ThrottleKey[] {ThrottleKey.email(THROTTLE_SCOPE, email.normalised()),
        ThrottleKey.clientIp(THROTTLE_SCOPE, clientIp)};
  }
}
