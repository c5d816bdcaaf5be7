package dev.custodian.crm.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.mail.port.out.MailTokenRepository;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.testing.PortFixture;
import java.time.Duration;
import java.time.Instant;
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
 * Contract of {@link MailTokenRepository}: tokens by hash, used once, voided by a newer one, dead
 * after their expiry. Run by the in-memory fake and by the jOOQ adapter; a subclass registers the
 * extension that provides its {@link PortFixture} and supplies the repository.
 */
public abstract class AbstractMailTokenRepositoryContractTest {

  private static final Instant NOW = Instant.parse("2026-05-06T07:08:09.123456Z");
  private static final Instant EXPIRY = NOW.plus(Duration.ofHours(1));
  private static final TokenGenerator TOKENS = TokenGenerator.secureRandom();

  protected Transactions tx;
  protected MailTokenRepository tokens;

  /** The repository under test, joining the fixture's transactions. */
  protected abstract MailTokenRepository mailTokens(PortFixture ports);

  @BeforeEach
  void setUpPorts(PortFixture ports) {
    tx = ports.transactions();
    tokens = mailTokens(ports);
  }

  private <T> T inPlatform(Supplier<T> work) {
    return tx.inPlatform(work);
  }

  private String issue(UUID account, MailTokenPurpose purpose, Instant expiresAt, Instant now) {
    String token = TOKENS.newToken(purpose.tokenPrefix());
    inPlatform(() -> {
      tokens.issue(account, purpose, TokenHash.of(token), expiresAt, now);
      return null;
    });
    return token;
  }

  private Optional<UUID> consume(MailTokenPurpose purpose, String token, Instant now) {
    return inPlatform(() -> tokens.consume(purpose, TokenHash.of(token), now));
  }

  @Test
  @DisplayName("ACC-05: a token is consumed once, for its account")
  void givenAnIssuedToken_whenConsumedTwice_thenOnlyTheFirstGetsTheAccount() {
    UUID account = UUID.randomUUID();
    String token = issue(account, MailTokenPurpose.VERIFY_EMAIL, EXPIRY, NOW);

    assertThat(consume(MailTokenPurpose.VERIFY_EMAIL, token, NOW.plusSeconds(1))).contains(account);
    assertThat(consume(MailTokenPurpose.VERIFY_EMAIL, token, NOW.plusSeconds(2))).isEmpty();
  }

  @Test
  void givenAnUnknownToken_whenConsumed_thenEmpty() {
    issue(UUID.randomUUID(), MailTokenPurpose.VERIFY_EMAIL, EXPIRY, NOW);

    assertThat(consume(MailTokenPurpose.VERIFY_EMAIL, "vrf_unknown", NOW)).isEmpty();
  }

  @Test
  void givenATokenOfOnePurpose_whenConsumedForTheOther_thenEmptyAndItStaysUsable() {
    UUID account = UUID.randomUUID();
    String token = issue(account, MailTokenPurpose.PASSWORD_RESET, EXPIRY, NOW);

    assertThat(consume(MailTokenPurpose.VERIFY_EMAIL, token, NOW)).isEmpty();
    assertThat(consume(MailTokenPurpose.PASSWORD_RESET, token, NOW)).contains(account);
  }

  @Test
  @DisplayName("ACC-05: a token works until its expiry, not at it")
  void givenAToken_whenConsumedAtItsExpiry_thenEmpty() {
    UUID account = UUID.randomUUID();
    String late = issue(account, MailTokenPurpose.VERIFY_EMAIL, EXPIRY, NOW);
    assertThat(consume(MailTokenPurpose.VERIFY_EMAIL, late, EXPIRY)).isEmpty();

    String inTime = issue(account, MailTokenPurpose.VERIFY_EMAIL, EXPIRY, NOW);
    assertThat(consume(MailTokenPurpose.VERIFY_EMAIL, inTime, EXPIRY.minusNanos(1000))).contains(account);
  }

  @Test
  @DisplayName("ACC-10: a new token voids the older unused ones of its account and purpose, no others")
  void givenTwoTokensOfOneAccountAndPurpose_thenOnlyTheNewerWorks() {
    UUID account = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    String older = issue(account, MailTokenPurpose.PASSWORD_RESET, EXPIRY, NOW);
    String otherPurpose = issue(account, MailTokenPurpose.VERIFY_EMAIL, EXPIRY, NOW);
    String otherAccount = issue(other, MailTokenPurpose.PASSWORD_RESET, EXPIRY, NOW);
    String newer = issue(account, MailTokenPurpose.PASSWORD_RESET, EXPIRY.plusSeconds(60), NOW.plusSeconds(60));

    assertThat(consume(MailTokenPurpose.PASSWORD_RESET, older, NOW.plusSeconds(61))).isEmpty();
    assertThat(consume(MailTokenPurpose.PASSWORD_RESET, newer, NOW.plusSeconds(62))).contains(account);
    assertThat(consume(MailTokenPurpose.VERIFY_EMAIL, otherPurpose, NOW.plusSeconds(63))).contains(account);
    assertThat(consume(MailTokenPurpose.PASSWORD_RESET, otherAccount, NOW.plusSeconds(64))).contains(other);
  }

  @Test
  void givenAUsedToken_whenANewOneIsIssued_thenTheNewOneWorks() {
    UUID account = UUID.randomUUID();
    String first = issue(account, MailTokenPurpose.VERIFY_EMAIL, EXPIRY, NOW);
    assertThat(consume(MailTokenPurpose.VERIFY_EMAIL, first, NOW)).contains(account);

    String second = issue(account, MailTokenPurpose.VERIFY_EMAIL, EXPIRY, NOW.plusSeconds(1));
    assertThat(consume(MailTokenPurpose.VERIFY_EMAIL, second, NOW.plusSeconds(2))).contains(account);
  }

  @Test
  void givenAnIssueThatFails_thenTheOlderTokenIsNotVoided() {
    UUID account = UUID.randomUUID();
    String older = issue(account, MailTokenPurpose.VERIFY_EMAIL, EXPIRY, NOW);

    assertThatThrownBy(() -> tx.inPlatform(() -> {
      tokens.issue(account, MailTokenPurpose.VERIFY_EMAIL, TokenHash.of("vrf_rolled-back"), EXPIRY, NOW);
      throw new IllegalStateException("boom");
    })).hasMessage("boom");

    assertThat(consume(MailTokenPurpose.VERIFY_EMAIL, older, NOW)).contains(account);
    assertThat(consume(MailTokenPurpose.VERIFY_EMAIL, "vrf_rolled-back", NOW)).isEmpty();
  }

  @Test
  void givenNoOpenTransaction_whenCalled_thenFailsLoudly() {
    assertThatThrownBy(() -> tokens.issue(UUID.randomUUID(), MailTokenPurpose.VERIFY_EMAIL, TokenHash.of("x"), EXPIRY, NOW))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> tokens.consume(MailTokenPurpose.VERIFY_EMAIL, TokenHash.of("x"), NOW))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName("ACC-05: of two concurrent uses of one token exactly one wins")
  void givenTwoConcurrentConsumers_thenExactlyOneGetsTheAccount() throws Exception {
    for (int round = 0; round < 5; round++) {
      UUID account = UUID.randomUUID();
      String token = issue(account, MailTokenPurpose.PASSWORD_RESET, EXPIRY, NOW);
      CountDownLatch start = new CountDownLatch(1);
      Callable<Optional<UUID>> use = () -> {
        start.await(10, TimeUnit.SECONDS);
        return consume(MailTokenPurpose.PASSWORD_RESET, token, NOW.plusSeconds(1));
      };
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<Optional<UUID>>> uses = List.of(pool.submit(use), pool.submit(use));
        start.countDown();
        List<Optional<UUID>> answers = List.of(uses.get(0).get(20, TimeUnit.SECONDS), uses.get(1).get(20, TimeUnit.SECONDS));

        assertThat(answers).filteredOn(Optional::isPresent).containsExactly(Optional.of(account));
      } finally {
        pool.shutdownNow();
      }
    }
  }
  @Test
  void isUsableAnswersLikeConsumeWithoutUsingTheToken() {
    UUID account = UUID.randomUUID();
    String token = issue(account, MailTokenPurpose.PASSWORD_RESET, EXPIRY, NOW);
    assertThat(inPlatform(() -> tokens.isUsable(MailTokenPurpose.PASSWORD_RESET, TokenHash.of(token), NOW))).isTrue();
    assertThat(inPlatform(() -> tokens.isUsable(MailTokenPurpose.PASSWORD_RESET, TokenHash.of(token), NOW))).isTrue();
    assertThat(inPlatform(() -> tokens.isUsable(MailTokenPurpose.VERIFY_EMAIL, TokenHash.of(token), NOW))).isFalse();
    assertThat(inPlatform(() -> tokens.isUsable(MailTokenPurpose.PASSWORD_RESET, TokenHash.of(token), EXPIRY))).isFalse();
    assertThat(inPlatform(() -> tokens.isUsable(MailTokenPurpose.PASSWORD_RESET,
        TokenHash.of(TOKENS.newToken("rst_")), NOW))).isFalse();

    assertThat(consume(MailTokenPurpose.PASSWORD_RESET, token, NOW)).contains(account);
    assertThat(inPlatform(() -> tokens.isUsable(MailTokenPurpose.PASSWORD_RESET, TokenHash.of(token), NOW))).isFalse();
  }

  @Test
  @DisplayName("ACC-10: of two tokens issued at once for one account and purpose, only one works")
  void givenTwoConcurrentIssues_thenOnlyOneTokenWorks() throws Exception {
    UUID account = UUID.randomUUID();
    String first = TOKENS.newToken("vrf_");
    String second = TOKENS.newToken("vrf_");
    CountDownLatch firstIssued = new CountDownLatch(1);
    CountDownLatch commitFirst = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> one = pool.submit(() -> inPlatform(() -> {
        tokens.issue(account, MailTokenPurpose.VERIFY_EMAIL, TokenHash.of(first), EXPIRY, NOW);
        firstIssued.countDown();
        try {
          commitFirst.await(10, TimeUnit.SECONDS); // still open while the second issues
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return null;
      }));
      assertThat(firstIssued.await(10, TimeUnit.SECONDS)).isTrue();
      Future<?> two = pool.submit(() -> inPlatform(() -> {
        tokens.issue(account, MailTokenPurpose.VERIFY_EMAIL, TokenHash.of(second), EXPIRY, NOW.plusSeconds(1));
        return null;
      }));
      Thread.sleep(300); // let the second reach its issue while the first is uncommitted
      commitFirst.countDown();
      one.get(20, TimeUnit.SECONDS);
      two.get(20, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    long working = java.util.stream.Stream.of(first, second)
        .filter(t -> inPlatform(() -> tokens.isUsable(MailTokenPurpose.VERIFY_EMAIL, TokenHash.of(t), NOW.plusSeconds(2))))
        .count();
    assertThat(working).isEqualTo(1);
  }
}
