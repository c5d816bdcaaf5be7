package dev.custodian.crm.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.custodian.crm.core.account.Account;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.account.AccountName;
import dev.custodian.crm.core.account.AgeAttestation;
import dev.custodian.crm.core.account.Password;
import dev.custodian.crm.core.account.PasswordHash;
import dev.custodian.crm.core.account.port.out.PasswordHasher;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.error.CrmException;
import dev.custodian.crm.core.common.error.ForbiddenException;
import dev.custodian.crm.core.common.error.RateLimitedException;
import dev.custodian.crm.core.common.error.UnauthenticatedException;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.session.port.in.Authentication;
import dev.custodian.crm.core.session.port.in.ChangePasswordCommand;
import dev.custodian.crm.core.session.port.in.IssuedSession;
import dev.custodian.crm.core.session.port.in.SessionUseCases;
import dev.custodian.crm.core.session.port.in.SignInCommand;
import dev.custodian.crm.core.session.port.in.SignInOutcome;
import dev.custodian.crm.core.session.service.SessionServices;
import dev.custodian.crm.core.testing.InMemoryPersistence;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.core.throttle.ThrottleKey;
import dev.custodian.crm.core.throttle.service.Throttle;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The session use cases on in-memory ports, with a clock moved by hand and a hasher that counts its work. */
class SessionServiceTest {

  private static final String EMAIL = "ada@example.org";
  private static final String PASSWORD = "the first long passphrase";
  private static final String WRONG = "not the right passphrase";
  private static final String IP = "192.0.2.1";
  private static final SessionPolicy POLICY = SessionPolicy.defaults();

  private final InMemoryPersistence ports = new InMemoryPersistence();
  /** The start of a throttle window (15 minutes, aligned on the epoch). */
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
  private final CountingHasher hasher = new CountingHasher();
  private final SessionUseCases sessions = SessionServices.create(ports.transactions(), ports.sessions(),
      ports.accounts(), hasher, candidate -> false,
      new Throttle(ports.transactions(), ports.throttleEntries(), SessionServiceTest::keyedHash, clock),
      TokenGenerator.secureRandom(), IdGenerator.random(), clock, POLICY);

  /**
   * Hashes are {@code $fake-<version>$<sha-256 of the password>}; a hash of another version than
   * the current one needs a rehash. Counts its calls, as the real one's cost is what they measure.
   */
  private static final class CountingHasher implements PasswordHasher {
    final AtomicInteger hashes = new AtomicInteger();
    final AtomicInteger verifications = new AtomicInteger();
    volatile int version = 1;

    @Override
    public PasswordHash hash(Password password) {
      hashes.incrementAndGet();
      return new PasswordHash("$fake-" + version + "$" + password.apply(chars -> TokenHash.of(new String(chars))));
    }

    @Override
    public boolean verify(Password password, PasswordHash hash) {
      verifications.incrementAndGet();
      return hash.encoded().endsWith("$" + password.apply(chars -> TokenHash.of(new String(chars))));
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
      return !hash.encoded().startsWith("$fake-" + version + "$");
    }
  }

  private static String keyedHash(ThrottleKey key) {
    return TokenHash.of(key.kind() + ":" + key.scope() + ":" + key.normalisedValue());
  }

  private <T> T inPlatform(Supplier<T> work) {
    return ports.transactions().inPlatform(work);
  }

  private Account anAccount(boolean verified) {
    Instant now = clock.instant();
    Account account = Account.create(AccountId.of(UUID.randomUUID()), new AccountName("Ada"), new EmailAddress(EMAIL),
        Optional.empty(), hasher.hash(new Password(PASSWORD)), new AgeAttestation(now, 16), now);
    inPlatform(() -> {
      ports.accounts().insert(account);
      if (verified) {
        ports.accounts().markEmailVerified(account.id(), now);
      }
      return null;
    });
    return account;
  }

  private SignInOutcome signIn(String email, String password, String ip) {
    return sessions.signIn().signIn(new SignInCommand(new EmailAddress(email), new Password(password), ip));
  }

  private IssuedSession signedIn(String password, String ip) {
    SignInOutcome outcome = signIn(EMAIL, password, ip);
    assertThat(outcome).isInstanceOf(SignInOutcome.SignedIn.class);
    return ((SignInOutcome.SignedIn) outcome).session();
  }

  private IssuedSession signedIn() {
    return signedIn(PASSWORD, IP);
  }

  private Authentication authenticate(String token) {
    return sessions.authenticate().authenticate(token);
  }

  private void assertRefused(String token) {
    assertThatThrownBy(() -> authenticate(token)).isInstanceOf(UnauthenticatedException.class);
  }

  private IssuedSession change(AccountId account, String current, String next, String ip) {
    return sessions.changePassword().change(account, new ChangePasswordCommand(new Password(current), new Password(next), ip));
  }

  private Session stored(SessionId id) {
    return inPlatform(() -> ports.sessions().find(id)).orElseThrow();
  }

  private PasswordHash storedHash(AccountId account) {
    return inPlatform(() -> ports.accounts().findById(account)).orElseThrow().passwordHash();
  }

  private static void assertRateLimited(Runnable call) {
    assertThatThrownBy(call::run).isInstanceOf(RateLimitedException.class);
  }

  @Test
  @DisplayName("ACC-05: a sign-in starts a session whose token is 256 random bits, stored only as its SHA-256")
  void givenTheRightPassword_whenSigningIn_thenASessionStarts_andOnlyItsTokenHashIsStored() {
    Account ada = anAccount(true);

    SignInOutcome outcome = signIn(EMAIL, PASSWORD, IP);

    assertThat(outcome).isInstanceOfSatisfying(SignInOutcome.SignedIn.class,
        signedIn -> assertThat(signedIn.account()).isEqualTo(ada.id()));
    IssuedSession issued = ((SignInOutcome.SignedIn) outcome).session();
    assertThat(issued.token()).startsWith(SessionPolicy.TOKEN_PREFIX).matches("ses_[A-Za-z0-9_-]{43}");
    assertThat(issued.toString()).doesNotContain(issued.token());
    assertThat(issued.expiresAt()).isEqualTo(clock.instant().plus(SessionPolicy.MAX_AGE));
    var rows = inPlatform(() -> ports.sessions().tokenRows());
    assertThat(rows).containsOnlyKeys(TokenHash.of(issued.token()));
    assertThat(rows.values()).allSatisfy(row -> assertThat(row.toString()).doesNotContain(issued.token()));
    assertThat(stored(issued.session()).account()).isEqualTo(ada.id());
    assertThat(authenticate(issued.token()).account()).isEqualTo(ada.id());
  }

  @Test
  @DisplayName("SEC-07: an unknown email and a wrong password get the same answer after one verification each")
  void anUnknownEmailAndAWrongPassword_getTheSameAnswer_afterOneVerificationEach() {
    anAccount(true);

    int before = hasher.verifications.get();
    Throwable unknown = catchThrowable(() -> signIn("nobody@example.org", PASSWORD, IP));
    assertThat(hasher.verifications.get() - before).as("verifications for an unknown email").isEqualTo(1);
    before = hasher.verifications.get();
    Throwable wrong = catchThrowable(() -> signIn(EMAIL, WRONG, IP));
    assertThat(hasher.verifications.get() - before).as("verifications for a wrong password").isEqualTo(1);

    assertThat(unknown).isInstanceOf(UnauthenticatedException.class);
    assertThat(wrong).isExactlyInstanceOf(unknown.getClass()).hasMessage(unknown.getMessage());
    assertThat(inPlatform(() -> ports.sessions().tokenRows())).isEmpty();
  }

  @Test
  void anUnverifiedAccount_isToldSoOnlyAfterTheRightPassword_andGetsNoSession() {
    anAccount(false);

    assertThatThrownBy(() -> signIn(EMAIL, WRONG, IP)).isInstanceOf(UnauthenticatedException.class);
    assertThatThrownBy(() -> signIn(EMAIL, PASSWORD, IP)).isInstanceOfSatisfying(ForbiddenException.class,
        e -> assertThat(e.kind()).isEqualTo(CrmException.Kind.EMAIL_NOT_VERIFIED));
    assertThat(inPlatform(() -> ports.sessions().tokenRows())).isEmpty();
  }

  @Test
  @DisplayName("SEC-07: after 5 failed sign-ins even the right password is refused until the window ends")
  void afterFiveFailures_evenTheRightPasswordIsRefused_withoutAVerification() {
    anAccount(true);
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> signIn(EMAIL, WRONG, IP)).isInstanceOf(UnauthenticatedException.class);
    }

    int before = hasher.verifications.get();
    assertRateLimited(() -> signIn(EMAIL, PASSWORD, IP));
    assertRateLimited(() -> signIn(EMAIL, PASSWORD, "198.51.100.7")); // the account's count, from any address
    assertThat(hasher.verifications.get()).as("a refused attempt costs no hashing").isEqualTo(before);

    clock.advance(Throttle.DEFAULT_WINDOW);
    assertThat(signIn(EMAIL, PASSWORD, IP)).isInstanceOf(SignInOutcome.SignedIn.class);
  }

  @Test
  @DisplayName("SEC-07: a sign-in clears its account's failures, while its client address's still count")
  void aSuccess_clearsTheAccountsCount_notTheAddresssCount() {
    anAccount(true);
    String other = "198.51.100.7";
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> signIn(EMAIL, WRONG, IP)).isInstanceOf(UnauthenticatedException.class);
    }
    signedIn(PASSWORD, IP);

    for (int i = 0; i < 4; i++) { // 8 failures for the account, had the success not cleared them
      assertThatThrownBy(() -> signIn(EMAIL, WRONG, other)).isInstanceOf(UnauthenticatedException.class);
    }
    signedIn(PASSWORD, other);

    assertThatThrownBy(() -> signIn(EMAIL, WRONG, IP)).isInstanceOf(UnauthenticatedException.class); // IP's fifth
    assertRateLimited(() -> signIn(EMAIL, PASSWORD, IP));
    signedIn(PASSWORD, "203.0.113.9");
  }

  @Test
  void givenAHashOfOlderSettings_whenSigningIn_thenItIsReplacedByANewHashOfTheSamePassword() {
    Account ada = anAccount(true);
    hasher.version = 2;

    signedIn();

    PasswordHash upgraded = storedHash(ada.id());
    assertThat(upgraded).isNotEqualTo(ada.passwordHash());
    assertThat(hasher.needsRehash(upgraded)).isFalse();
    assertThat(hasher.verify(new Password(PASSWORD), upgraded)).isTrue();

    int hashes = hasher.hashes.get();
    signedIn();
    assertThat(hasher.hashes.get()).as("a current hash is kept").isEqualTo(hashes);
  }

  @Test
  @DisplayName("ACC-07: a token rotates after 15 minutes; the replaced one works 30 s more, minting nothing, then revokes the session")
  void aTokenRotates_theReplacedOneHasAGracePeriod_andItsReuseAfterwardsRevokesTheSession() {
    anAccount(true);
    IssuedSession issued = signedIn();
    String first = issued.token();

    clock.advance(POLICY.rotateAfter().minusSeconds(1));
    assertThat(authenticate(first).rotated()).as("not due yet").isEmpty();

    clock.advance(Duration.ofSeconds(1));
    Authentication due = authenticate(first);
    assertThat(due.rotated()).isPresent();
    String second = due.rotated().get().token();
    assertThat(second).isNotEqualTo(first).startsWith(SessionPolicy.TOKEN_PREFIX);
    assertThat(due.rotated().get().session()).isEqualTo(issued.session());
    assertThat(due.rotated().get().expiresAt()).as("rotation does not extend the session").isEqualTo(issued.expiresAt());
    assertThat(authenticate(second).rotated()).isEmpty();

    clock.advance(SessionPolicy.GRACE.minusSeconds(1));
    Authentication racing = authenticate(first);
    assertThat(racing.session()).isEqualTo(issued.session());
    assertThat(racing.rotated()).as("the grace mints nothing").isEmpty();
    assertThat(inPlatform(() -> ports.sessions().tokenRows())).hasSize(2);

    clock.advance(Duration.ofSeconds(1));
    assertRefused(first);
    assertThat(stored(issued.session()).revocationReason()).contains(RevocationReason.TOKEN_REUSED);
    assertRefused(second);
  }

  @Test
  @DisplayName("ACC-06: a session ends at its absolute lifetime, even when used every day")
  void aSessionEndsAtItsMaximumAge_evenWhenUsedDaily() {
    anAccount(true);
    IssuedSession issued = signedIn();
    String token = issued.token();

    for (int day = 1; day < 30; day++) {
      clock.advance(Duration.ofDays(1));
      Authentication used = authenticate(token);
      assertThat(used.expiresAt()).isEqualTo(issued.expiresAt());
      token = used.rotated().map(IssuedSession::token).orElse(token);
    }
    clock.set(issued.expiresAt().minusSeconds(1));
    token = authenticate(token).rotated().map(IssuedSession::token).orElse(token);

    clock.set(issued.expiresAt());
    assertRefused(token);
  }

  @Test
  @DisplayName("ACC-07: changing the password revokes every session of the account and starts a new one")
  void changingThePassword_revokesAllOtherSessions_andReturnsAWorkingNewOne() {
    Account ada = anAccount(true);
    IssuedSession elsewhere = signedIn();
    IssuedSession here = signedIn();
    String next = "a second long passphrase";

    IssuedSession fresh = change(ada.id(), PASSWORD, next, IP);

    assertRefused(elsewhere.token());
    assertRefused(here.token());
    assertThat(stored(elsewhere.session()).revocationReason()).contains(RevocationReason.PASSWORD_CHANGED);
    assertThat(authenticate(fresh.token()).account()).isEqualTo(ada.id());
    assertThat(fresh.session()).isNotIn(elsewhere.session(), here.session());
    assertThatThrownBy(() -> signIn(EMAIL, PASSWORD, IP)).isInstanceOf(UnauthenticatedException.class);
    assertThat(signIn(EMAIL, next, IP)).isInstanceOf(SignInOutcome.SignedIn.class);
  }

  @Test
  @DisplayName("SEC-07: a wrong current password is refused as a failed re-authentication and counts as a failed sign-in")
  void aWrongCurrentPassword_isRefused_changesNothing_andCounts() {
    Account ada = anAccount(true);
    IssuedSession here = signedIn();

    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> change(ada.id(), WRONG, "a second long passphrase", IP))
          .isInstanceOfSatisfying(ForbiddenException.class,
              e -> assertThat(e.kind()).isEqualTo(CrmException.Kind.REAUTHENTICATION_FAILED));
    }

    assertRateLimited(() -> change(ada.id(), PASSWORD, "a second long passphrase", IP));
    assertRateLimited(() -> signIn(EMAIL, PASSWORD, IP));
    assertThat(storedHash(ada.id())).isEqualTo(ada.passwordHash());
    assertThat(authenticate(here.token()).account()).isEqualTo(ada.id());
  }

  @Test
  @DisplayName("ACC-05: a token that is malformed, unknown or signed out is refused, with one answer for all")
  void malformedUnknownAndSignedOutTokens_areRefusedAlike() {
    anAccount(true);
    IssuedSession issued = signedIn();
    String unknown = TokenGenerator.secureRandom().newToken(SessionPolicy.TOKEN_PREFIX);
    Throwable reference = catchThrowable(() -> authenticate(unknown));
    assertThat(reference).isInstanceOf(UnauthenticatedException.class);

    for (String token : new String[] {null, "", "ses_short", "vrf_" + unknown.substring(4), issued.token() + "x"}) {
      assertThatThrownBy(() -> authenticate(token)).as(String.valueOf(token))
          .isInstanceOf(UnauthenticatedException.class).hasMessage(reference.getMessage());
    }

    sessions.signOut().signOut(issued.token());
    assertThatThrownBy(() -> authenticate(issued.token())).hasMessage(reference.getMessage());
    assertThat(stored(issued.session()).revocationReason()).contains(RevocationReason.SIGNED_OUT);
    assertThatCode(() -> sessions.signOut().signOut("not a token")).doesNotThrowAnyException();
  }
}
