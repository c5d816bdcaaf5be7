package dev.custodian.crm.persistence.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.throttle.port.out.ThrottleRepository;
import dev.custodian.crm.persistence.JooqPersistence;
import dev.custodian.crm.persistence.schema.DatabaseRoles;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two server instances on one database: two adapters, each over its own pool (as two processes
 * would have), share one count per key.
 */
class JooqThrottleSharedDatabaseTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  private static final Instant START = Instant.parse("2030-01-01T10:00:00Z");
  private static final Instant END = START.plus(Duration.ofMinutes(15));

  /** One "server instance": its own pool of the application role, its own adapter. */
  private record Instance(Transactions tx, ThrottleRepository throttle) {

    static Instance open() {
      JooqPersistence persistence = JooqPersistence.create(db.pool(DatabaseRoles.APP, db.appPassword(), 10));
      return new Instance(persistence.transactions(), JooqThrottleStores.entries(persistence.transactions()));
    }

    int hit(String hash) {
      return tx.inPlatform(() -> throttle.hit(hash, START, END, START));
    }
  }

  @Test
  @DisplayName("SEC-07: two server instances on one database share the count")
  void twoInstances_shareTheCount() {
    Instance one = Instance.open();
    Instance two = Instance.open();
    String hash = "a".repeat(64);

    assertThat(one.hit(hash)).isEqualTo(1);
    assertThat(two.hit(hash)).isEqualTo(2);
    assertThat(one.hit(hash)).isEqualTo(3);
    assertThat(two.hit(hash)).isEqualTo(4);
  }

  @Test
  void concurrentHitsThroughTwoInstances_getTheCounts1To20_eachExactlyOnce() throws Exception {
    Instance one = Instance.open();
    Instance two = Instance.open();
    String hash = "b".repeat(64);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> counts = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Instance instance = i % 2 == 0 ? one : two;
        counts.add(pool.submit(() -> {
          go.await();
          return instance.hit(hash);
        }));
      }
      go.countDown();
      List<Integer> seen = new ArrayList<>();
      for (Future<Integer> count : counts) {
        seen.add(count.get(30, TimeUnit.SECONDS));
      }
      assertThat(seen).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
    } finally {
      pool.shutdownNow();
    }
  }
}
