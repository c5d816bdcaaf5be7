package dev.custodian.crm.core.account.service;

import dev.custodian.crm.core.account.Account;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.account.AccountName;
import dev.custodian.crm.core.account.AgeAttestation;
import dev.custodian.crm.core.account.OrganisationName;
import dev.custodian.crm.core.account.PasswordHash;
import dev.custodian.crm.core.account.port.in.EmailRequest;
import dev.custodian.crm.core.account.port.in.GetProfileUseCase;
import dev.custodian.crm.core.account.port.in.RequestPasswordResetUseCase;
import dev.custodian.crm.core.account.port.in.ResendVerificationUseCase;
import dev.custodian.crm.core.account.port.in.ResetPasswordCommand;
import dev.custodian.crm.core.account.port.in.ResetPasswordUseCase;
import dev.custodian.crm.core.account.port.in.SignUpCommand;
import dev.custodian.crm.core.account.port.in.SignUpUseCase;
import dev.custodian.crm.core.account.port.in.UpdateProfileCommand;
import dev.custodian.crm.core.account.port.in.UpdateProfileUseCase;
import dev.custodian.crm.core.account.port.in.VerifyEmailUseCase;
import dev.custodian.crm.core.account.port.out.AccountRepository;
import dev.custodian.crm.core.account.port.out.AccountSessions;
import dev.custodian.crm.core.account.port.out.PasswordHasher;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditActor;
import dev.custodian.crm.core.audit.AuditChain;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditEvent;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.audit.port.out.AuditLog;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.InvalidTokenException;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.mail.MailTokenPurpose;
import dev.custodian.crm.core.mail.port.out.MailOutbox;
import dev.custodian.crm.core.mail.port.out.MailTokenRepository;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.throttle.ThrottleKey;
import dev.custodian.crm.core.throttle.service.Throttle;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Services of the account feature: sign-up, verification and password reset by mail. Every mail
 * is an outbox row written in the use case's transaction (its token is minted when it is sent);
 * the requests that mail an address are throttled per address and per client address first, in
 * their own transaction, so a refused request still counts.
 */
final class AccountService implements SignUpUseCase, VerifyEmailUseCase, ResendVerificationUseCase,
    RequestPasswordResetUseCase, ResetPasswordUseCase, GetProfileUseCase, UpdateProfileUseCase {

  /** The throttle's scope for every request that mails an address. */
  static final String THROTTLE_SCOPE = "auth";

  /** Longer than any token we mint: anything longer is not one, and is not even hashed. */
  private static final int MAX_TOKEN_LENGTH = 200;

  private final Transactions transactions;
  private final AccountRepository accounts;
  private final AccountSessions sessions;
  private final PasswordHasher hasher;
  private final MailOutbox outbox;
  private final MailTokenRepository tokens;
  private final Throttle throttle;
  private final IdGenerator ids;
  private final Clock clock;
  private final int minimumAge;
  private final AuditLog audit;

  AccountService(Transactions transactions, AccountRepository accounts, AccountSessions sessions,
      PasswordHasher hasher,
      MailOutbox outbox, MailTokenRepository tokens, Throttle throttle, IdGenerator ids, Clock clock,
      int minimumAge, AuditLog audit) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.throttle = Objects.requireNonNull(throttle, "throttle");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (minimumAge < AgeAttestation.LOWEST_MINIMUM_AGE) {
      throw new IllegalArgumentException("the minimum age is at least " + AgeAttestation.LOWEST_MINIMUM_AGE);
    }
    this.minimumAge = minimumAge;
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  @Override
  public void signUp(SignUpCommand command) {
    throttle(command.email(), command.clientIp());
    // Hashed whether or not the address is taken: the same work, so timing tells nothing either.
    PasswordHash hash;
    try {
      hash = hasher.hash(command.password());
    } finally {
      command.password().wipe();
    }
    Instant now = Timestamps.now(clock);
    try {
      transactions.inPlatform(() -> {
        Optional<Account> existing = accounts.findByEmail(command.email());
        if (existing.isPresent()) {
          outbox.enqueue(MailTemplate.ACCOUNT_EXISTS, existing.get().id().value(), now);
          return null;
        }
        Account account = Account.create(new AccountId(ids.newId()), command.name(), command.email(),
            command.organisation(), hash, new AgeAttestation(now, minimumAge), now);
        accounts.insert(account);
        outbox.enqueue(MailTemplate.VERIFY_EMAIL, account.id().value(), now);
        return null;
      });
    } catch (ConflictException takenMeanwhile) {
      // A concurrent sign-up took the address between the look and the insert: it exists now.
      transactions.inPlatform(() -> {
        accounts.findByEmail(command.email()).ifPresent(
            account -> outbox.enqueue(MailTemplate.ACCOUNT_EXISTS, account.id().value(), now));
        return null;
      });
    }
  }

  @Override
  public void verify(String token) {
    Instant now = Timestamps.now(clock);
    transactions.inPlatform(() -> {
      UUID account = consume(MailTokenPurpose.VERIFY_EMAIL, token, now);
      accounts.markEmailVerified(new AccountId(account), now);
      audit.append(AuditChain.platform(), AuditEvent.of(AuditActor.account(account), AuditAction.EMAIL_VERIFIED,
          AuditTargetType.ACCOUNT, account, AuditDetails.none()));
      return null;
    });
  }

  @Override
  public void resend(EmailRequest request) {
    throttle(request.email(), request.clientIp());
    Instant now = Timestamps.now(clock);
    transactions.inPlatform(() -> {
      enqueueOrDecoy(MailTemplate.VERIFY_EMAIL,
          accounts.findByEmail(request.email()).filter(account -> !account.isEmailVerified()), now);
      return null;
    });
  }

  @Override
  public void request(EmailRequest request) {
    throttle(request.email(), request.clientIp());
    Instant now = Timestamps.now(clock);
    transactions.inPlatform(() -> {
      enqueueOrDecoy(MailTemplate.PASSWORD_RESET, accounts.findByEmail(request.email()), now);
      return null;
    });
  }

  @Override
  public void reset(ResetPasswordCommand command) {
    // The password passed the policy already. A token that cannot work costs no hashing (else any
    // stranger could keep every hashing slot busy); one that can is hashed for before it is spent,
    // so a busy hasher leaves it usable.
    PasswordHash hash;
    try {
      String tokenHash = tokenHashOf(command.token());
      Instant checkedAt = Timestamps.now(clock);
      if (!transactions.inPlatform(() -> tokens.isUsable(MailTokenPurpose.PASSWORD_RESET, tokenHash, checkedAt))) {
        throw new InvalidTokenException();
      }
      hash = hasher.hash(command.password());
    } finally {
      command.password().wipe();
    }
    Instant now = Timestamps.now(clock);
    transactions.inPlatform(() -> {
      AccountId account = new AccountId(consume(MailTokenPurpose.PASSWORD_RESET, command.token(), now));
      accounts.updatePasswordHash(account, hash);
      sessions.endAllSessions(account, now); // whoever knew the old password is out (ACC-07)
      accounts.findById(account).filter(a -> !a.isEmailVerified())
          .ifPresent(a -> accounts.markEmailVerified(account, now)); // the mail proved the address
      audit.append(AuditChain.platform(), AuditEvent.of(AuditActor.account(account.value()), AuditAction.PASSWORD_RESET,
          AuditTargetType.ACCOUNT, account.value(), AuditDetails.none()));
      return null;
    });
  }

  @Override
  public Account get(AccountId self) {
    return transactions.inPlatform(() -> accounts.findById(self).orElseThrow(() -> new NotFoundException("account")));
  }

  @Override
  public Account update(AccountId self, UpdateProfileCommand command) {
    return transactions.inPlatform(() -> {
      Account current = accounts.findById(self).orElseThrow(() -> new NotFoundException("account"));
      AccountName name = command.name() instanceof PatchValue.Set<AccountName> set ? set.value() : current.name();
      Optional<OrganisationName> organisation = current.organisation();
      if (command.organisation() instanceof PatchValue.Set<OrganisationName> set) {
        organisation = Optional.of(set.value());
      } else if (command.organisation() instanceof PatchValue.Clear) {
        organisation = Optional.empty();
      }
      accounts.updateProfile(self, name, organisation);
      return accounts.findById(self).orElseThrow(() -> new NotFoundException("account"));
    });
  }

  /**
   * Queues the mail for the account, or, when there is none to mail, a row for an id no account
   * has, which the dispatcher drops unsent: the same write either way, so the time to answer does
   * not tell whether an address has an account.
   */
  private void enqueueOrDecoy(MailTemplate template, Optional<Account> to, Instant now) {
    outbox.enqueue(template, to.map(account -> account.id().value()).orElseGet(ids::newId), now);
  }

  private UUID consume(MailTokenPurpose purpose, String token, Instant now) {
    return tokens.consume(purpose, tokenHashOf(token), now).orElseThrow(InvalidTokenException::new);
  }

  private static String tokenHashOf(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      throw new InvalidTokenException();
    }
    return TokenHash.of(token);
  }

  private void throttle(EmailAddress email, String clientIp) {
    throttle.check(ThrottleKey.email(THROTTLE_SCOPE, email.normalised()),
        ThrottleKey.clientIp(THROTTLE_SCOPE, clientIp));
  }
}
