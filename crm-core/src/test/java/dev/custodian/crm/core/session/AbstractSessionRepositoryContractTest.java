package dev.custodian.crm.core.session;

import static dev.custodian.crm.core.account.AccountFixtures.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.account.Account;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.session.port.out.SessionRepository;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.testing.PortFixture;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link SessionRepository}: platform-level sessions found by a token's hash, tokens
 * rotated by compare-and-set (of two concurrent rotations exactly one wins), revocations that
 * happen once. A subclass registers the extension that provides its {@link PortFixture} (whose
 * account store holds the sessions' accounts) and supplies the repository. Each test uses
 * accounts of its own, so one database may serve the whole class.
 */
public abstract class AbstractSessionRepositoryContractTest {

  private static final Instant NOW = Instant.parse("2026-06-07T08:09:10.123456789Z");
  private static final Instant EXPIRY = NOW.plus(Duration.ofDays(30));
  private static final TokenGenerator TOKENS = TokenGenerator.secureRandom();

  protected Transactions tx;
  protected SessionRepository sessions;
  private PortFixture ports;

  /** The repository under test, joining the fixture's transactions. */
  protected abstract SessionRepository sessions(PortFixture ports);

  @BeforeEach
  void setUpPorts(PortFixture ports) {
    this.ports = ports;
    tx = ports.transactions();
    sessions = sessions(ports);
  }

  private <T> T inPlatform(Supplier<T> work) {
    return tx.inPlatform(work);
  }

  private AccountId anAccountStored() {
    Account account = anAccount();
    inPlatform(() -> { ports.accounts().insert(account); return null; });
    return account.id();
  }

  private static String aTokenHash() {
    return TokenHash.of(TOKENS.newToken("ses_"));
  }

  /** A live session of {@code account}, stored with its first token's hash {@code tokenHash}. */
  private Session started(AccountId account, String tokenHash) {
    Session session = Session.start(new SessionId(UUID.randomUUID()), account, NOW, EXPIRY);
    inPlatform(() -> { sessions.insert(session, tokenHash); return null; });
    return session;
  }

  private Optional<SessionToken> find(String tokenHash) {
    return inPlatform(() -> sessions.findByTokenHash(tokenHash));
  }

  private boolean rotate(String current, String next, Instant at) {
    return inPlatform(() -> sessions.rotate(current, next, at));
  }

  @Test
  @DisplayName("DSR-01: sessionsOf lists only the account's sessions, newest first, last seen at their latest token")
  void sessionsOf_listsTheAccountsOwnSessions_newestFirst_withTheirLastRotation() {
    AccountId account = anAccountStored();
    AccountId other = anAccountStored();
    Session older = started(account, aTokenHash());
    Session newer = Session.start(new SessionId(UUID.randomUUID()), account, NOW.plusSeconds(60), EXPIRY);
    String newerToken = aTokenHash();
    inPlatform(() -> { sessions.insert(newer, newerToken); return null; });
    started(other, aTokenHash());
    Instant rotatedAt = NOW.plusSeconds(900);
    assertThat(rotate(newerToken, aTokenHash(), rotatedAt)).isTrue();

    List<SessionSummary> listed = inPlatform(() -> sessions.sessionsOf(account));

    assertThat(listed).extracting(summary -> summary.session().id()).containsExactly(newer.id(), older.id());
    assertThat(listed.get(0).lastSeenAt()).isEqualTo(rotatedAt.truncatedTo(ChronoUnit.MICROS));
    assertThat(listed.get(1).lastSeenAt()).isEqualTo(older.createdAt());
    assertThat(inPlatform(() -> sessions.sessionsOf(anAccountStored()))).isEmpty();
  }

  @Test
  @DisplayName("ACC-05: a session is found by its token's hash, with its first token issued at its start")
  void givenAStoredSession_whenFoundByItsTokenHash_thenItRoundTripsAtMicrosecondPrecision() {
    AccountId account = anAccountStored();
    String hash = aTokenHash();
    Session session = started(account, hash);

    SessionToken found = find(hash).orElseThrow();
    assertThat(found.session()).isEqualTo(session);
    assertThat(found.session().createdAt()).isEqualTo(NOW.truncatedTo(ChronoUnit.MICROS));
    assertThat(found.session().isLiveAt(NOW)).isTrue();
    assertThat(found.issuedAt()).isEqualTo(session.createdAt());
    assertThat(found.replacedAt()).isEmpty();
  }

  @Test
  void givenAHashNeverIssued_thenNothingIsFound() {
    started(anAccountStored(), aTokenHash());

    assertThat(find(aTokenHash())).isEmpty();
  }

  @Test
  @DisplayName("ACC-07: a rotation replaces the current token; the replaced one is still found, with its replacement time")
  void givenACurrentToken_whenRotated_thenTheNextIsCurrent_andTheOldOneKnowsWhenItWasReplaced() {
    String first = aTokenHash();
    String second = aTokenHash();
    Session session = started(anAccountStored(), first);
    Instant at = NOW.plus(Duration.ofMinutes(15)).plusNanos(999);

    assertThat(rotate(first, second, at)).isTrue();

    SessionToken old = find(first).orElseThrow();
    SessionToken next = find(second).orElseThrow();
    assertThat(old.session()).isEqualTo(session);
    assertThat(old.issuedAt()).isEqualTo(session.createdAt());
    assertThat(old.replacedAt()).contains(at.truncatedTo(ChronoUnit.MICROS));
    assertThat(next.session()).isEqualTo(session);
    assertThat(next.issuedAt()).isEqualTo(at.truncatedTo(ChronoUnit.MICROS));
    assertThat(next.replacedAt()).isEmpty();
  }

  @Test
  @DisplayName("ACC-07: a token rotated out cannot be rotated again, and nothing is stored for the attempt")
  void givenAReplacedOrUnknownToken_whenRotated_thenFalseAndNothingChanges() {
    String first = aTokenHash();
    String second = aTokenHash();
    started(anAccountStored(), first);
    rotate(first, second, NOW.plusSeconds(1));
    String third = aTokenHash();
    String fourth = aTokenHash();

    assertThat(rotate(first, third, NOW.plusSeconds(2))).isFalse();
    assertThat(rotate(aTokenHash(), fourth, NOW.plusSeconds(2))).isFalse();

    assertThat(find(third)).isEmpty();
    assertThat(find(fourth)).isEmpty();
    assertThat(find(first).orElseThrow().replacedAt()).contains(NOW.plusSeconds(1).truncatedTo(ChronoUnit.MICROS));
    assertThat(find(second).orElseThrow().replacedAt()).isEmpty();
  }

  @Test
  @DisplayName("ACC-07: of two concurrent rotations of one token exactly one wins")
  void givenTwoConcurrentRotationsOfOneToken_thenExactlyOneWins_andOnlyItsTokenIsStored() throws Exception {
    AccountId account = anAccountStored();
    for (int round = 0; round < 5; round++) {
      String current = aTokenHash();
      started(account, current);
      List<String> nexts = List.of(aTokenHash(), aTokenHash());
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<Boolean>> rotations = nexts.stream().map(next -> pool.submit((Callable<Boolean>) () -> {
          start.await(10, TimeUnit.SECONDS);
          return rotate(current, next, NOW.plusSeconds(60));
        })).toList();
        start.countDown();
        List<Boolean> won = List.of(rotations.get(0).get(20, TimeUnit.SECONDS), rotations.get(1).get(20, TimeUnit.SECONDS));

        assertThat(won).containsExactlyInAnyOrder(true, false);
        String winner = won.get(0) ? nexts.get(0) : nexts.get(1);
        String loser = won.get(0) ? nexts.get(1) : nexts.get(0);
        assertThat(find(winner)).isPresent();
        assertThat(find(loser)).isEmpty();
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  @DisplayName("ACC-05: a revoked session is revoked once, for every one of its tokens")
  void givenALiveSession_whenRevoked_thenOnlyTheFirstRevocationCounts() {
    String first = aTokenHash();
    String second = aTokenHash();
    Session session = started(anAccountStored(), first);
    rotate(first, second, NOW.plusSeconds(1));
    Instant at = NOW.plusSeconds(2).plusNanos(999);

    assertThat(inPlatform(() -> sessions.revoke(session.id(), at, RevocationReason.SIGNED_OUT))).isTrue();
    assertThat(inPlatform(() -> sessions.revoke(session.id(), NOW.plusSeconds(3), RevocationReason.TOKEN_REUSED)))
        .isFalse();
    assertThat(inPlatform(() -> sessions.revoke(new SessionId(UUID.randomUUID()), at, RevocationReason.SIGNED_OUT)))
        .isFalse();

    for (String hash : List.of(first, second)) {
      Session read = find(hash).orElseThrow().session();
      assertThat(read.revokedAt()).contains(at.truncatedTo(ChronoUnit.MICROS));
      assertThat(read.revocationReason()).contains(RevocationReason.SIGNED_OUT);
      assertThat(read.isLiveAt(at)).isFalse();
    }
  }

  @Test
  @DisplayName("ACC-07: revoking all of an account's sessions ends its live ones only, and no other account's")
  void revokeAll_endsTheAccountsUnrevokedSessions_andSaysHowMany() {
    AccountId account = anAccountStored();
    AccountId other = anAccountStored();
    String one = aTokenHash();
    String two = aTokenHash();
    String signedOut = aTokenHash();
    String others = aTokenHash();
    started(account, one);
    started(account, two);
    Session earlier = started(account, signedOut);
    started(other, others);
    inPlatform(() -> sessions.revoke(earlier.id(), NOW.plusSeconds(1), RevocationReason.SIGNED_OUT));

    Instant at = NOW.plusSeconds(5);
    assertThat(inPlatform(() -> sessions.revokeAll(account, at, RevocationReason.PASSWORD_CHANGED))).isEqualTo(2);
    assertThat(inPlatform(() -> sessions.revokeAll(account, at, RevocationReason.PASSWORD_CHANGED))).isZero();

    for (String hash : List.of(one, two)) {
      assertThat(find(hash).orElseThrow().session().revocationReason()).contains(RevocationReason.PASSWORD_CHANGED);
      assertThat(find(hash).orElseThrow().session().revokedAt()).contains(at.truncatedTo(ChronoUnit.MICROS));
    }
    Session kept = find(signedOut).orElseThrow().session();
    assertThat(kept.revocationReason()).as("an earlier revocation stays as it was").contains(RevocationReason.SIGNED_OUT);
    assertThat(kept.revokedAt()).contains(NOW.plusSeconds(1).truncatedTo(ChronoUnit.MICROS));
    assertThat(find(others).orElseThrow().session().revokedAt()).isEmpty();
  }

  @Test
  @DisplayName("ACC-07: a password reset's endAllSessions revokes the account's sessions as PASSWORD_CHANGED")
  void endAllSessions_revokesAllForAPasswordChange() {
    AccountId account = anAccountStored();
    String hash = aTokenHash();
    started(account, hash);

    assertThat(inPlatform(() -> sessions.endAllSessions(account, NOW.plusSeconds(1)))).isEqualTo(1);
    assertThat(find(hash).orElseThrow().session().revocationReason()).contains(RevocationReason.PASSWORD_CHANGED);
  }

  @Test
  void givenNoOpenTransaction_whenCalled_thenFailsLoudly() {
    AccountId account = anAccountStored();
    Session session = Session.start(new SessionId(UUID.randomUUID()), account, NOW, EXPIRY);
    String hash = aTokenHash();
    assertThatThrownBy(() -> sessions.insert(session, hash)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> sessions.findByTokenHash(hash)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> sessions.rotate(hash, aTokenHash(), NOW)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> sessions.revoke(session.id(), NOW, RevocationReason.SIGNED_OUT))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> sessions.revokeAll(account, NOW, RevocationReason.SIGNED_OUT))
        .isInstanceOf(IllegalStateException.class);
    assertThat(find(hash)).isEmpty();
  }

  @Test
  void givenExceptionInTheTransaction_thenItsInsertAndRotationAreRolledBack() {
    AccountId account = anAccountStored();
    String kept = aTokenHash();
    String next = aTokenHash();
    String added = aTokenHash();
    started(account, kept);

    assertThatThrownBy(() -> inPlatform(() -> {
      sessions.rotate(kept, next, NOW.plusSeconds(1));
      sessions.insert(Session.start(new SessionId(UUID.randomUUID()), account, NOW, EXPIRY), added);
      throw new IllegalStateException("boom");
    })).hasMessage("boom");

    assertThat(find(kept).orElseThrow().replacedAt()).isEmpty();
    assertThat(find(next)).isEmpty();
    assertThat(find(added)).isEmpty();
  }
}
