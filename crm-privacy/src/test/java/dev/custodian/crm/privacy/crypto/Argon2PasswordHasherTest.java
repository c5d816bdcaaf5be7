package dev.custodian.crm.privacy.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.account.Password;
import dev.custodian.crm.core.account.PasswordHash;
import dev.custodian.crm.core.common.error.BusyException;
import dev.custodian.crm.core.common.error.CrmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest {

  private static final Password PASSWORD = new Password("correct horse battery staple");

  @Test
  @DisplayName("ACC-01: one password hashed twice gives two different $argon2id$ hashes with the configured parameters, each verifies, a wrong password does not")
  void hashesAreSaltedArgon2idWithTheirParameters() {
    Argon2PasswordHasher hasher = new Argon2PasswordHasher(19_456, 2, 1, 2);

    PasswordHash first = hasher.hash(PASSWORD);
    PasswordHash second = hasher.hash(PASSWORD);

    assertThat(first.encoded()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(second.encoded()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(first).isNotEqualTo(second);
    assertThat(first.encoded()).doesNotContain("horse");
    assertThat(hasher.verify(PASSWORD, first)).isTrue();
    assertThat(hasher.verify(PASSWORD, second)).isTrue();
    assertThat(hasher.verify(new Password("correct horse battery stapler"), first)).isFalse();
  }

  @Test
  @DisplayName("ACC-01: stronger parameters are written into the hash, and a hash made with other parameters still verifies")
  void strongerParametersAreCarriedByTheHash() {
    Argon2PasswordHasher stronger = new Argon2PasswordHasher(24_576, 3, 2, 1);
    PasswordHash hash = stronger.hash(PASSWORD);

    assertThat(hash.encoded()).startsWith("$argon2id$v=19$m=24576,t=3,p=2$");
    assertThat(new Argon2PasswordHasher().verify(PASSWORD, hash)).isTrue();
  }

  @Test
  void normalisedPasswordsHashAlike_whateverFormTheyWereTypedIn() {
    Argon2PasswordHasher hasher = new Argon2PasswordHasher();
    PasswordHash composed = hasher.hash(new Password("caf\u00E9 au lait, s'il vous pla\u00EEt"));

    assertThat(hasher.verify(new Password("cafe\u0301 au lait, s'il vous plai\u0302t"), composed)).isTrue();
  }

  @Test
  @DisplayName("ACC-01: parameters below m=19456 KiB, t=2, p=1 are refused")
  void parametersBelowTheFloorAreRefused() {
    assertThatThrownBy(() -> new Argon2PasswordHasher(19_455, 2, 1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memory");
    assertThatThrownBy(() -> new Argon2PasswordHasher(19_456, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("iterations");
    assertThatThrownBy(() -> new Argon2PasswordHasher(19_456, 2, 0, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parallelism");
    assertThatThrownBy(() -> new Argon2PasswordHasher(19_456, 2, 1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("concurrent");
    assertThatThrownBy(() -> new Argon2PasswordHasher(19_456, 2, 1, 1, Duration.ofSeconds(11)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Argon2PasswordHasher(19_456, 2, 1, 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("ACC-01: with at most 2 concurrent hashes, 20 concurrent hashes never have more than 2 inside Argon2")
  void atMostMaxConcurrentHashesRunAtOnce() throws Exception {
    CountingEngine engine = new CountingEngine();
    Argon2PasswordHasher hasher = new Argon2PasswordHasher(19_456, 2, 1, 2, Duration.ofSeconds(10), engine);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<PasswordHash>> hashes = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        hashes.add(pool.submit(() -> {
          start.await();
          return hasher.hash(PASSWORD);
        }));
      }
      start.countDown();
      for (Future<PasswordHash> hash : hashes) {
        assertThat(hash.get(60, TimeUnit.SECONDS).encoded()).startsWith("$argon2id$");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(engine.calls.get()).isEqualTo(20);
    assertThat(engine.maxInside.get()).isEqualTo(2);
  }

  @Test
  @DisplayName("ACC-01: with at most 1 concurrent hash and one held longer than the wait, the next gets BusyException")
  void aCallerThatWaitsTooLongGetsBusy() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Argon2PasswordHasher.Engine holding = new Argon2PasswordHasher.Engine() {
      @Override
      public String hash(int iterations, int memoryKib, int parallelism, char[] password) {
        inside.countDown();
        await(release);
        return "$argon2id$v=19$m=19456,t=2,p=1$held$held";
      }

      @Override
      public boolean verify(String encoded, char[] password) {
        return false;
      }
    };
    Argon2PasswordHasher hasher = new Argon2PasswordHasher(19_456, 2, 1, 1, Duration.ofMillis(300), holding);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<PasswordHash> held = pool.submit(() -> hasher.hash(PASSWORD));
      assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

      long started = System.nanoTime();
      assertThatThrownBy(() -> hasher.hash(PASSWORD))
          .isInstanceOfSatisfying(BusyException.class, e -> {
            assertThat(e.kind()).isEqualTo(CrmException.Kind.BUSY);
            assertThat(e.retryAfterSeconds()).isEqualTo(1);
          });
      assertThatThrownBy(() -> hasher.verify(PASSWORD, new PasswordHash("$argon2id$x")))
          .isInstanceOf(BusyException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(600));

      release.countDown();
      assertThat(held.get(10, TimeUnit.SECONDS).encoded()).startsWith("$argon2id$");
      assertThat(hasher.verify(PASSWORD, new PasswordHash("$argon2id$x"))).as("the slot is free again").isFalse();
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void theDefaultWaitIsTenSeconds_andToStringNamesParametersOnly() {
    assertThat(Argon2PasswordHasher.MAX_WAIT).isEqualTo(Duration.ofSeconds(10));
    assertThat(new Argon2PasswordHasher()).hasToString("Argon2PasswordHasher[m=19456,t=2,p=1]");
  }

  /** The real engine, counting the calls inside it at once. */
  private static final class CountingEngine implements Argon2PasswordHasher.Engine {

    private final Argon2PasswordHasher.Engine real = Argon2PasswordHasher.nativeEngine();
    final AtomicInteger inside = new AtomicInteger();
    final AtomicInteger maxInside = new AtomicInteger();
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public String hash(int iterations, int memoryKib, int parallelism, char[] password) {
      int now = inside.incrementAndGet();
      maxInside.accumulateAndGet(now, Math::max);
      calls.incrementAndGet();
      try {
        return real.hash(iterations, memoryKib, parallelism, password);
      } finally {
        inside.decrementAndGet();
      }
    }

    @Override
    public boolean verify(String encoded, char[] password) {
      return real.verify(encoded, password);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
