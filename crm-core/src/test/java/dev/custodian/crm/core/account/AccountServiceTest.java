package dev.custodian.crm.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.account.port.in.AccountUseCases;
import dev.custodian.crm.core.account.port.in.ResetPasswordCommand;
import dev.custodian.crm.core.account.port.in.SignUpCommand;
import dev.custodian.crm.core.account.port.out.PasswordHasher;
import dev.custodian.crm.core.account.service.AccountServices;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.error.BusyException;
import dev.custodian.crm.core.common.error.InvalidTokenException;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.mail.MailTokenPurpose;
import dev.custodian.crm.core.session.RevocationReason;
import dev.custodian.crm.core.session.Session;
import dev.custodian.crm.core.session.SessionId;
import dev.custodian.crm.core.testing.InMemoryPersistence;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.core.throttle.service.Throttle;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The reset use case on in-memory ports: what a token costs, and what a failure leaves usable. */
class AccountServiceTest {

  private static final String EMAIL = "ada@example.org";

  private final InMemoryPersistence ports = new InMemoryPersistence();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
  private final AtomicInteger hashes = new AtomicInteger();
  private final AtomicBoolean busy = new AtomicBoolean();
  private final PasswordHasher hasher = new PasswordHasher() {
    @Override
    public PasswordHash hash(Password password) {
      if (busy.get()) {
        throw new BusyException("every hashing slot is taken", 1);
      }
      hashes.incrementAndGet();
      return new PasswordHash("$fake$" + password.apply(String::new).hashCode());
    }

    @Override
    public boolean verify(Password password, PasswordHash hash) {
      return hash.encoded().equals("$fake$" + password.apply(String::new).hashCode());
    }
  };
  private final AccountUseCases accounts = AccountServices.create(ports.transactions(), ports.accounts(), ports.sessions(), hasher,
      candidate -> false, ports.mailOutbox(), ports.mailTokens(),
      new Throttle(ports.transactions(), ports.throttleEntries(), key -> TokenHash.of(key.toString()), clock),
      IdGenerator.random(), clock, 16);

  private Account signedUp() {
    Validator v = new Validator();
    SignUpCommand command = SignUpCommand.of(v, accounts.passwordPolicy(), "Ada", EMAIL, null,
        "the first long passphrase", true, "192.0.2.1");
    v.throwIfInvalid();
    accounts.signUp().signUp(command);
    return ports.transactions().inPlatform(() -> ports.accounts().findByEmail(new EmailAddress(EMAIL))).orElseThrow();
  }

  private String resetToken(Account account) {
    String token = TokenGenerator.secureRandom().newToken(MailTokenPurpose.PASSWORD_RESET.tokenPrefix());
    ports.transactions().inPlatform(() -> {
      ports.mailTokens().issue(account.id().value(), MailTokenPurpose.PASSWORD_RESET, TokenHash.of(token),
          clock.instant().plus(Duration.ofHours(1)), clock.instant());
      return null;
    });
    return token;
  }

  private void reset(String token, String password) {
    Validator v = new Validator();
    ResetPasswordCommand command = ResetPasswordCommand.of(v, accounts.passwordPolicy(), token, password);
    v.throwIfInvalid();
    accounts.resetPassword().reset(command);
  }

  private PasswordHash storedHash() {
    return ports.transactions().inPlatform(() -> ports.accounts().findByEmail(new EmailAddress(EMAIL)))
        .orElseThrow().passwordHash();
  }

  @Test
  void aTokenThatCannotWork_costsNoHashing() {
    Account account = signedUp();
    int before = hashes.get();
    String forged = TokenGenerator.secureRandom().newToken(MailTokenPurpose.PASSWORD_RESET.tokenPrefix());

    for (String token : new String[] {forged, "x", "rst_" + "A".repeat(500)}) {
      assertThatThrownBy(() -> reset(token, "a second long passphrase")).isInstanceOf(InvalidTokenException.class);
    }
    assertThat(hashes.get()).isEqualTo(before);
    assertThat(storedHash()).isEqualTo(account.passwordHash());
  }

  @Test
  void aBusyHasher_leavesTheTokenUsable_andAResetThenWorksOnce() {
    Account account = signedUp();
    String token = resetToken(account);

    busy.set(true);
    assertThatThrownBy(() -> reset(token, "a second long passphrase")).isInstanceOf(BusyException.class);
    assertThat(storedHash()).isEqualTo(account.passwordHash());

    busy.set(false);
    reset(token, "a second long passphrase");
    assertThat(hasher.verify(new Password("a second long passphrase"), storedHash())).isTrue();
    assertThatThrownBy(() -> reset(token, "a third long passphrase!")).isInstanceOf(InvalidTokenException.class);
    assertThat(ports.transactions().inPlatform(() -> ports.accounts().findById(account.id())).orElseThrow()
        .isEmailVerified()).as("the reset mail proved the address").isTrue();
  }
  @Test
  @org.junit.jupiter.api.DisplayName("ACC-07: a password reset revokes every session of the account, and no other")
  void aReset_revokesEverySessionOfTheAccount() {
    Account account = signedUp();
    Session mine = Session.start(new SessionId(UUID.randomUUID()), account.id(), clock.instant(),
        clock.instant().plus(Duration.ofDays(30)));
    Session others = Session.start(new SessionId(UUID.randomUUID()), AccountId.of(UUID.randomUUID()),
        clock.instant(), clock.instant().plus(Duration.ofDays(30)));
    ports.transactions().inPlatform(() -> {
      ports.sessions().insert(mine, TokenHash.of("ses_mine"));
      ports.sessions().insert(others, TokenHash.of("ses_others"));
      return null;
    });

    reset(resetToken(account), "a second long passphrase");

    assertThat(ports.transactions().inPlatform(() -> ports.sessions().find(mine.id())).orElseThrow()
        .revocationReason()).contains(RevocationReason.PASSWORD_CHANGED);
    assertThat(ports.transactions().inPlatform(() -> ports.sessions().find(others.id())).orElseThrow()
        .revokedAt()).isEmpty();
  }

  @Test
  @org.junit.jupiter.api.DisplayName("ACC-09: a reset request writes the same outbox row with or without an account, and only the account's is mailable")
  void aResetRequest_writesTheSameRowWithOrWithoutAnAccount() {
    Account account = signedUp();
    int queued = ports.transactions().inPlatform(() -> ports.mailOutbox().rows()).size();

    accounts.requestPasswordReset().request(new dev.custodian.crm.core.account.port.in.EmailRequest(
        new EmailAddress(EMAIL), "192.0.2.1"));
    accounts.requestPasswordReset().request(new dev.custodian.crm.core.account.port.in.EmailRequest(
        new EmailAddress("nobody@example.org"), "192.0.2.1"));

    var rows = ports.transactions().inPlatform(() -> ports.mailOutbox().rows());
    assertThat(rows).hasSize(queued + 2);
    var resets = rows.stream().map(row -> row.mail()).filter(mail -> mail.template()
        == dev.custodian.crm.core.mail.MailTemplate.PASSWORD_RESET).toList();
    assertThat(resets).hasSize(2).extracting(mail -> mail.account()).contains(account.id().value())
        .filteredOn(id -> !id.equals(account.id().value())).singleElement()
        .satisfies(decoy -> assertThat(ports.transactions().inPlatform(
            () -> ports.accounts().findById(new AccountId(decoy)))).isEmpty());
  }
}
