package dev.custodian.crm.core.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.testing.PortFixture;
import dev.custodian.crm.core.throttle.port.out.ThrottleRepository;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link ThrottleRepository}: a platform-level store of hit counts per opaque keyed
 * hash. Every implementation extends this class, registers the extension that provides its
 * {@link PortFixture} and supplies its repository over the fixture's transactions. Each test uses
 * hashes of its own, so one database may serve the whole class.
 */
public abstract class AbstractThrottleRepositoryContractTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration WINDOW = Duration.ofMinutes(15);

  protected Transactions tx;
  protected ThrottleRepository throttle;

  private final Instant start = Instant.parse("2030-01-01T10:00:00Z");
  private final Instant end = start.plus(WINDOW);

  @BeforeEach
  void setUpPorts(PortFixture ports) {
    tx = ports.transactions();
    throttle = repository(ports);
  }

  /** The repository under test, joining {@code ports.transactions()}. */
  protected abstract ThrottleRepository repository(PortFixture ports);

  /** A keyed hash as the hasher makes them: 64 lower-case hex characters. */
  protected static String aHash() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private int hit(String hash, Instant windowStart, Instant windowEnd, Instant now) {
    return tx.inPlatform(() -> throttle.hit(hash, windowStart, windowEnd, now));
  }

  @Test
  void firstHit_countsOne_andEachFurtherHitInTheWindowOneMore() {
    String hash = aHash();
    assertThat(hit(hash, start, end, start)).isEqualTo(1);
    assertThat(hit(hash, start, end, start.plusSeconds(1))).isEqualTo(2);
    assertThat(hit(hash, start, end, end.minusMillis(1))).isEqualTo(3);
  }

  @Test
  void hashesCountApart() {
    String one = aHash();
    String other = aHash();
    hit(one, start, end, start);
    hit(one, start, end, start);
    assertThat(hit(other, start, end, start)).isEqualTo(1);
    assertThat(hit(one, start, end, start)).isEqualTo(3);
  }

  @Test
  void givenEndedWindow_whenHitInTheNextOne_thenCountStartsAgainAtOne() {
    String hash = aHash();
    hit(hash, start, end, start);
    hit(hash, start, end, start);

    assertThat(hit(hash, end, end.plus(WINDOW), end)).isEqualTo(1);
    assertThat(hit(hash, end, end.plus(WINDOW), end.plusSeconds(1))).isEqualTo(2);
  }

  @Test
  void givenSeveralHitsInOneTransaction_thenEachCounts() {
    String hash = aHash();
    int second = tx.inPlatform(() -> {
      throttle.hit(hash, start, end, start);
      return throttle.hit(hash, start, end, start);
    });
    assertThat(second).isEqualTo(2);
  }

  @Test
  void hits_isTheCountOfTheWindowThatHoldsNow_andCountsNothing() {
    String hash = aHash();
    assertThat(tx.inPlatform(() -> throttle.hits(hash, start))).as("no entry").isZero();
    hit(hash, start, end, start);
    hit(hash, start, end, start);

    assertThat(tx.inPlatform(() -> throttle.hits(hash, start))).isEqualTo(2);
    assertThat(tx.inPlatform(() -> throttle.hits(hash, end.minusNanos(1000)))).isEqualTo(2);
    assertThat(tx.inPlatform(() -> throttle.hits(hash, end))).as("the window has ended").isZero();
    assertThat(tx.inPlatform(() -> throttle.hits(aHash(), start))).isZero();
    assertThat(hit(hash, start, end, start)).as("reading counted nothing").isEqualTo(3);
  }

  @Test
  void release_takesBackOneHitOfTheCurrentWindow_neverBelowZero() {
    String hash = aHash();
    hit(hash, start, end, start);
    hit(hash, start, end, start);

    tx.inPlatform(() -> {
      throttle.release(hash, start);
      throttle.release(aHash(), start); // none to release: nothing happens
      return null;
    });
    assertThat(tx.inPlatform(() -> throttle.hits(hash, start))).isEqualTo(1);
    tx.inPlatform(() -> {
      throttle.release(hash, start);
      throttle.release(hash, start);
      return null;
    });
    assertThat(tx.inPlatform(() -> throttle.hits(hash, start))).as("never below 0").isZero();
    assertThat(hit(hash, start, end, start)).isEqualTo(1);
    tx.inPlatform(() -> {
      throttle.release(hash, end);
      return null;
    });
    assertThat(tx.inPlatform(() -> throttle.hits(hash, start))).as("an ended window keeps its count").isEqualTo(1);
  }

  @Test
  void clear_deletesOneHashsEntry_soItsCountStartsAgain() {
    String cleared = aHash();
    String kept = aHash();
    hit(cleared, start, end, start);
    hit(cleared, start, end, start);
    hit(kept, start, end, start);

    tx.inPlatform(() -> {
      throttle.clear(cleared);
      throttle.clear(aHash()); // none to clear: nothing happens
      return null;
    });

    assertThat(tx.inPlatform(() -> throttle.hits(cleared, start))).isZero();
    assertThat(hit(cleared, start, end, start)).isEqualTo(1);
    assertThat(tx.inPlatform(() -> throttle.hits(kept, start))).isEqualTo(1);
  }

  @Test
  void purgeEnded_deletesEndedEntriesOnly_andSaysHowMany() {
    Instant later = start.plus(Duration.ofDays(400)); // past every other test's windows
    tx.inPlatform(() -> throttle.purgeEnded(later)); // an empty store, whatever ran before
    String ended1 = aHash();
    String ended2 = aHash();
    String live = aHash();
    Instant laterEnd = later.plus(WINDOW);
    hit(ended1, later.minus(WINDOW), later, later.minus(WINDOW));
    hit(ended2, later.minus(WINDOW), later, later.minusSeconds(1));
    hit(live, later, laterEnd, later);
    hit(live, later, laterEnd, later);

    assertThat(tx.inPlatform(() -> throttle.purgeEnded(later))).isEqualTo(2);
    assertThat(tx.inPlatform(() -> throttle.purgeEnded(later))).isZero();
    assertThat(hit(live, later, laterEnd, later)).as("the live entry kept its count").isEqualTo(3);
    assertThat(hit(ended1, later, laterEnd, later)).isEqualTo(1);
  }

  @Test
  void givenNoOpenTransaction_whenCalled_thenFailsLoudly() {
    assertThatThrownBy(() -> throttle.hit(aHash(), start, end, start)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> throttle.purgeEnded(start)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> throttle.hits(aHash(), start)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> throttle.clear(aHash())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> throttle.release(aHash(), start)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void givenExceptionInTheTransaction_thenItsHitIsRolledBack() {
    String hash = aHash();
    hit(hash, start, end, start);
    assertThatThrownBy(() -> tx.inPlatform(() -> {
      throttle.hit(hash, start, end, start);
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    assertThat(hit(hash, start, end, start)).isEqualTo(2);
  }

  @Test
  void twentyConcurrentHitsOnOneHash_getTheCounts1To20_eachExactlyOnce() throws Exception {
    String hash = aHash();
    int threads = 20;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> counts = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<Integer> oneHit = () -> {
          go.await();
          return hit(hash, start, end, start);
        };
        counts.add(pool.submit(oneHit));
      }
      go.countDown();
      List<Integer> seen = new ArrayList<>();
      for (Future<Integer> count : counts) {
        seen.add(count.get(30, TimeUnit.SECONDS));
      }
      assertThat(seen).containsExactlyInAnyOrderElementsOf(
          java.util.stream.IntStream.rangeClosed(1, threads).boxed().toList());
    } finally {
      pool.shutdownNow();
    }
  }
}
