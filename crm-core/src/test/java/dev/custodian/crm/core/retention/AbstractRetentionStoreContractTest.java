package dev.custodian.crm.core.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.retention.port.out.RetentionStore;
import dev.custodian.crm.core.testing.AbstractPortContractTest;
import dev.custodian.crm.core.testing.PortFixture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link RetentionStore}'s bookkeeping: a workspace purge's progress (in the
 * workspace's transaction, seen by it alone) and the runs' history (platform-level, counts added
 * per class). What it deletes is the adapter's own, proven on its data by the engine's tests.
 */
public abstract class AbstractRetentionStoreContractTest extends AbstractPortContractTest {

  private static final Instant T0 = Instant.parse("2031-03-01T10:00:00Z");

  protected RetentionStore store;

  @BeforeEach
  void storeUnderTest(PortFixture ports) { // after the base class's workspaces
    store = store(ports);
  }

  @Override
  protected void portsReady() {}

  /** The store under test, joining {@code ports.transactions()}. */
  protected abstract RetentionStore store(PortFixture ports);

  @Test
  void progress_addsUpPerTable_andIsSeenByItsWorkspaceAlone() {
    run(a, () -> {
      store.addProgress(a, "contacts", 10);
      store.addProgress(a, "contacts", 5);
      store.addProgress(a, "memberships", 1);
    });
    assertThat(in(a, () -> store.progress(a))).isEqualTo(Map.of("contacts", 15L, "memberships", 1L));
    assertRefusedOr(() -> in(b, () -> store.progress(a)), progress -> assertThat(progress).isEmpty());
    assertThat(in(b, () -> store.progress(b))).isEmpty();
  }

  @Test
  void progress_isRolledBackWithItsTransaction() {
    assertThatThrownBy(() -> run(a, () -> {
      store.addProgress(a, "contacts", 7);
      throw new IllegalStateException("the batch failed");
    })).hasMessage("the batch failed");
    assertThat(in(a, () -> store.progress(a))).isEmpty();
  }

  @Test
  void runs_keepTheirCountsPerClass_theLatestFirst_andAnUnfinishedOneToo() {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    tx.inPlatform(() -> {
      store.startRun(first, T0);
      store.recordBatch(first, "contact", 5);
      store.recordBatch(first, "contact", 3);
      store.recordBatch(first, "membership", 1);
      store.finishRun(first, T0.plusSeconds(2), 2);
      store.startRun(second, T0.plusSeconds(60));
      return null;
    });
    List<RetentionRun> runs = tx.inPlatform(() -> store.runs(1000)).stream()
        .filter(run -> run.id().equals(first) || run.id().equals(second)).toList();
    assertThat(runs).extracting(RetentionRun::id).containsExactly(second, first);
    assertThat(runs.get(0).finishedAt()).isEmpty();
    assertThat(runs.get(0).deleted()).isEmpty();
    assertThat(runs.get(1)).isEqualTo(new RetentionRun(first, T0, Optional.of(T0.plusSeconds(2)), 2,
        Map.of("contact", 8L, "membership", 1L)));
    assertThat(tx.inPlatform(() -> store.runs(1))).hasSize(1);
  }

  @Test
  void steps_nameEachTableOnce() {
    List<RetentionStep> steps = store.workspaceSteps();
    assertThat(new HashSet<>(steps.stream().map(RetentionStep::table).toList())).hasSize(steps.size());
    // an expiry step may name a workspace's table as well (packages, finished imports): its rows go at
    // their own time, or with the workspace; never twice an expiry step
    List<RetentionStep> expiring = new ArrayList<>(store.expirySteps());
    expiring.addAll(store.workspaceExpirySteps());
    assertThat(new HashSet<>(expiring.stream().map(RetentionStep::table).toList())).hasSize(expiring.size());
  }

  @Test
  void everyCallNeedsATransaction() {
    assertThatThrownBy(() -> store.progress(a)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.runs(1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.startRun(UUID.randomUUID(), T0)).isInstanceOf(IllegalStateException.class);
  }
}
