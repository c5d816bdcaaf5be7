package dev.custodian.crm.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.account.Account;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.account.AccountName;
import dev.custodian.crm.core.account.AgeAttestation;
import dev.custodian.crm.core.account.Password;
import dev.custodian.crm.core.account.PasswordHash;
import dev.custodian.crm.core.account.port.out.PasswordHasher;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditActor;
import dev.custodian.crm.core.audit.AuditChain;
import dev.custodian.crm.core.audit.AuditEvent;
import dev.custodian.crm.core.audit.AuditOutcome;
import dev.custodian.crm.core.audit.ClientInfo;
import dev.custodian.crm.core.audit.RecordingAuditLog;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.error.RateLimitedException;
import dev.custodian.crm.core.common.error.UnauthenticatedException;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.session.port.in.IssuedSession;
import dev.custodian.crm.core.session.port.in.SessionUseCases;
import dev.custodian.crm.core.session.port.in.SignInCommand;
import dev.custodian.crm.core.session.port.in.SignInOutcome;
import dev.custodian.crm.core.session.service.SessionServices;
import dev.custodian.crm.core.testing.InMemoryPersistence;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.core.throttle.service.Throttle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the session use cases record on the platform's audit chain, with whom and from where. */
class SessionAuditTest {

  private static final String EMAIL = "ada@example.org";
  private static final String PASSWORD = "the first long passphrase";
  private static final String IP = "192.0.2.1";
  private static final String AGENT = "Browser/1";

  private final InMemoryPersistence ports = new InMemoryPersistence();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
  private final RecordingAuditLog audit = new RecordingAuditLog();
  private final PasswordHasher hasher = new PasswordHasher() {
    @Override
    public PasswordHash hash(Password password) {
      return new PasswordHash("$fake$" + password.apply(chars -> TokenHash.of(new String(chars))));
    }

    @Override
    public boolean verify(Password password, PasswordHash hash) {
      return hash.encoded().equals(hash(password).encoded());
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
      return false;
    }
  };
  private final SessionUseCases sessions = SessionServices.create(ports.transactions(), ports.sessions(),
      ports.accounts(), hasher, candidate -> false,
      new Throttle(ports.transactions(), ports.throttleEntries(), key -> TokenHash.of(key.kind() + ":" + key.scope() + ":" + key.normalisedValue()), clock),
      TokenGenerator.secureRandom(), IdGenerator.random(), clock, SessionPolicy.defaults(), audit);

  private Account anAccount() {
    Instant now = clock.instant();
    Account account = Account.create(AccountId.of(UUID.randomUUID()), new AccountName("Ada"), new EmailAddress(EMAIL),
        Optional.empty(), hasher.hash(new Password(PASSWORD)), new AgeAttestation(now, 16), now);
    ports.transactions().inPlatform(() -> {
      ports.accounts().insert(account);
      ports.accounts().markEmailVerified(account.id(), now);
      return null;
    });
    return account;
  }

  private SignInOutcome signIn(String email, String password) {
    return sessions.signIn().signIn(new SignInCommand(new EmailAddress(email), new Password(password), IP,
        Optional.of(AGENT)));
  }

  private List<AuditEvent> platform() {
    return audit.events(AuditChain.platform());
  }

  @Test
  @DisplayName("RET-08: sign-ins succeeded, failed and throttled, and the sign-out, name the account with its email, IP and user agent")
  void signInEventsCarryTheClient() {
    Account ada = anAccount();
    IssuedSession session = ((SignInOutcome.SignedIn) signIn(EMAIL, PASSWORD)).session();
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> signIn(EMAIL, "not the passphrase")).isInstanceOf(UnauthenticatedException.class);
    }
    assertThatThrownBy(() -> signIn(EMAIL, "not the passphrase")).isInstanceOf(RateLimitedException.class);
    sessions.signOut().signOut(session.token(), ClientInfo.of(IP, AGENT));

    assertThat(platform()).extracting(AuditEvent::action).containsExactly(AuditAction.SIGN_IN_SUCCEEDED,
        AuditAction.SIGN_IN_FAILED, AuditAction.SIGN_IN_FAILED, AuditAction.SIGN_IN_FAILED, AuditAction.SIGN_IN_FAILED,
        AuditAction.SIGN_IN_FAILED, AuditAction.SIGN_IN_THROTTLED, AuditAction.SIGNED_OUT);
    assertThat(platform()).allSatisfy(event -> {
      assertThat(event.actor()).isEqualTo(AuditActor.account(ada.id().value()));
      assertThat(event.personal().email()).contains(EMAIL);
      assertThat(event.personal().ip()).contains(IP);
      assertThat(event.personal().userAgent()).contains(AGENT);
    });
    assertThat(platform().get(6).outcome()).isEqualTo(AuditOutcome.REFUSED);
  }

  @Test
  @DisplayName("RET-08: an unknown email's attempt is anonymous, with neither email nor IP")
  void anUnknownEmailIsAnonymous() {
    assertThatThrownBy(() -> signIn("nobody@example.org", PASSWORD)).isInstanceOf(UnauthenticatedException.class);
    assertThat(platform()).singleElement().satisfies(event -> {
      assertThat(event.action()).isEqualTo(AuditAction.SIGN_IN_FAILED);
      assertThat(event.actor()).isEqualTo(AuditActor.anonymous());
      assertThat(event.personal().isEmpty()).isTrue();
    });
  }

  @Test
  @DisplayName("SEC-09: a reused token's detection is recorded, naming the session's account")
  void tokenReuseIsRecorded() {
    Account ada = anAccount();
    String first = ((SignInOutcome.SignedIn) signIn(EMAIL, PASSWORD)).session().token();
    clock.advance(SessionPolicy.defaults().rotateAfter());
    assertThat(sessions.authenticate().authenticate(first).rotated()).isPresent();
    clock.advance(SessionPolicy.GRACE.plus(Duration.ofSeconds(1)));
    assertThatThrownBy(() -> sessions.authenticate().authenticate(first)).isInstanceOf(UnauthenticatedException.class);
    assertThat(platform()).extracting(AuditEvent::action).endsWith(AuditAction.TOKEN_REUSE_DETECTED);
    assertThat(platform().get(platform().size() - 1).actor()).isEqualTo(AuditActor.account(ada.id().value()));
  }
}
