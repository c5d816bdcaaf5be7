package dev.custodian.crm.core.dsr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.dsr.port.out.PackageStore;
import dev.custodian.crm.core.testing.AbstractPortContractTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Contract of {@link PackageStore}: run by the in-memory fake and by the jOOQ adapter. */
public abstract class AbstractPackageStoreContractTest extends AbstractPortContractTest {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
  private static final Instant LATER = NOW.plus(Duration.ofDays(7));

  protected PackageStore store;

  protected abstract PackageStore packageStore();

  @Override
  protected void portsReady() {
    store = packageStore();
  }

  private UUID aPackage(String tokenHash, byte[]... chunks) {
    UUID id = UUID.randomUUID();
    run(a, () -> {
      store.create(a, id, UUID.randomUUID(), NOW, LATER);
      for (int i = 0; i < chunks.length; i++) {
        store.appendChunk(a, id, i, chunks[i]);
      }
      assertThat(store.setTokenHash(a, id, tokenHash, NOW)).isTrue();
    });
    return id;
  }

  private static String hash(char c) {
    return String.valueOf(c).repeat(64);
  }

  @Test
  void givenAPackage_whenClaimedByItsToken_thenItsChunksReadBackInOrder_andASecondClaimFails() {
    UUID id = aPackage(hash('a'), new byte[] {1, 2}, new byte[] {3});

    Optional<PackageStore.Claim> claim = tx.inPlatform(() -> store.claim(hash('a'), NOW));
    assertThat(claim).hasValueSatisfying(c -> {
      assertThat(c.workspace()).isEqualTo(a);
      assertThat(c.packageId()).isEqualTo(id);
    });
    assertThat(in(a, () -> store.chunk(a, id, 0))).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2));
    assertThat(in(a, () -> store.chunk(a, id, 1))).hasValueSatisfying(b -> assertThat(b).containsExactly(3));
    assertThat(in(a, () -> store.chunk(a, id, 2))).isEmpty();
    assertThat(tx.inPlatform(() -> store.claim(hash('a'), NOW))).as("once only").isEmpty();
    assertThat(in(a, () -> store.setTokenHash(a, id, hash('b'), NOW))).as("a claimed package takes no new token").isFalse();
  }

  @Test
  void givenANewToken_whenTheOldOneIsUsed_thenOnlyTheNewOneClaims() {
    UUID id = aPackage(hash('a'), new byte[] {1});
    run(a, () -> assertThat(store.setTokenHash(a, id, hash('b'), NOW)).isTrue());

    assertThat(tx.inPlatform(() -> store.claim(hash('a'), NOW))).isEmpty();
    assertThat(tx.inPlatform(() -> store.claim(hash('b'), NOW))).isPresent();
  }

  @Test
  void givenAnExpiredPackage_whenClaimed_thenNothing() {
    aPackage(hash('c'), new byte[] {1});

    assertThat(tx.inPlatform(() -> store.claim(hash('c'), LATER))).isEmpty();
  }

  @Test
  void givenAPackage_whenDeleted_thenNoChunkRemains_andItCannotBeClaimed() {
    UUID id = aPackage(hash('d'), new byte[] {1}, new byte[] {2});

    assertThat(in(a, () -> store.delete(a, id))).isTrue();
    assertThat(in(a, () -> store.delete(a, id))).isFalse();
    assertThat(in(a, () -> store.chunk(a, id, 0))).isEmpty();
    assertThat(tx.inPlatform(() -> store.claim(hash('d'), NOW))).isEmpty();
  }

  @Test
  @DisplayName("TEN-01: another workspace's transaction neither reads, tokens nor deletes a package")
  void givenAPackageOfA_whenBAsks_thenNothing() {
    UUID id = aPackage(hash('e'), new byte[] {1});

    assertRefusedOr(() -> in(b, () -> store.chunk(a, id, 0)), chunk -> assertThat(chunk).isEmpty());
    assertThat(in(b, () -> store.chunk(b, id, 0))).isEmpty();
    assertThat(in(b, () -> store.delete(b, id))).isFalse();
    assertThat(in(b, () -> store.setTokenHash(b, id, hash('f'), NOW))).isFalse();
    assertThat(in(a, () -> store.chunk(a, id, 0))).isPresent();
  }

  @Test
  void givenTwoConcurrentClaims_whenBothRun_thenExactlyOneWins() throws Exception {
    aPackage(hash('9'), new byte[] {1});
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Boolean> claim = () -> tx.inPlatform(() -> store.claim(hash('9'), NOW)).isPresent();
      List<Future<Boolean>> results = new ArrayList<>(pool.invokeAll(List.of(claim, claim)));
      int won = 0;
      for (Future<Boolean> result : results) {
        won += result.get() ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void givenAPackageBeingBuilt_whenItsTransactionRollsBack_thenNothingOfItRemains() {
    UUID id = UUID.randomUUID();
    try {
      run(a, () -> {
        store.create(a, id, UUID.randomUUID(), NOW, LATER);
        store.appendChunk(a, id, 0, new byte[] {1});
        store.setTokenHash(a, id, hash('7'), NOW);
        throw new IllegalStateException("rolled back");
      });
    } catch (IllegalStateException expected) {
      // the build failed
    }
    assertThat(in(a, () -> store.chunk(a, id, 0))).isEmpty();
    assertThat(tx.inPlatform(() -> store.claim(hash('7'), NOW))).isEmpty();
  }
}
