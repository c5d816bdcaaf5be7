package dev.custodian.crm.core.retention;

import dev.custodian.crm.core.common.InMemoryTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.retention.port.out.RetentionStore;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * In-memory fake of {@link RetentionStore}'s bookkeeping (progress and runs); it has no steps of
 * its own (the in-memory stores are emptied by their own tests), so a run over it deletes nothing.
 */
public final class InMemoryRetentionStore implements RetentionStore {

  private record Progress(WorkspaceId workspace, String table) {}

  private final InMemoryTransactions transactions;
  private final InMemoryTable<Progress, Long> progress;
  private final InMemoryTable<UUID, RetentionRun> runs;

  public InMemoryRetentionStore(InMemoryTransactions transactions) {
    this.transactions = transactions;
    this.progress = transactions.newTable();
    this.runs = transactions.newTable();
  }

  @Override
  public List<RetentionStep> workspaceSteps() {
    return List.of();
  }

  @Override
  public List<RetentionStep> expirySteps() {
    return List.of();
  }

  @Override
  public List<RetentionStep> workspaceExpirySteps() {
    return List.of();
  }

  @Override
  public Map<WorkspaceId, Long> expiredByWorkspace(RetentionStep step, Instant now, int limit) {
    throw new IllegalArgumentException("not a step of this store: " + step.table());
  }

  @Override
  public List<UUID> deleteExpired(WorkspaceId workspace, RetentionStep step, Instant now, int limit) {
    throw new IllegalArgumentException("not a step of this store: " + step.table());
  }

  @Override
  public long countWorkspaceRows(WorkspaceId workspace, RetentionStep step) {
    throw new IllegalArgumentException("not a step of this store: " + step.table());
  }

  @Override
  public long deleteWorkspaceRows(WorkspaceId workspace, RetentionStep step, Instant now, int limit) {
    throw new IllegalArgumentException("not a step of this store: " + step.table());
  }

  @Override
  public long countExpired(RetentionStep step, Instant now) {
    throw new IllegalArgumentException("not a step of this store: " + step.table());
  }

  @Override
  public long deleteExpired(RetentionStep step, Instant now, int limit) {
    throw new IllegalArgumentException("not a step of this store: " + step.table());
  }

  private void bound(WorkspaceId workspace) {
    if (!transactions.boundWorkspace().equals(Optional.of(workspace))) {
      throw new IllegalStateException("the store was called for another workspace than its transaction's");
    }
  }

  @Override
  public void addProgress(WorkspaceId workspace, String table, long rows) {
    bound(workspace);
    progress.rows().merge(new Progress(workspace, table), rows, Long::sum);
  }

  @Override
  public Map<String, Long> progress(WorkspaceId workspace) {
    bound(workspace);
    Map<String, Long> mine = new TreeMap<>();
    progress.rows().forEach((key, rows) -> {
      if (key.workspace().equals(workspace)) {
        mine.put(key.table(), rows);
      }
    });
    return mine;
  }

  @Override
  public void startRun(UUID run, Instant startedAt) {
    runs.rows().put(run, new RetentionRun(run, startedAt, Optional.empty(), 0, Map.of()));
  }

  @Override
  public void recordBatch(UUID run, String dataClass, long rows) {
    RetentionRun stored = runs.rows().get(run);
    Map<String, Long> deleted = new LinkedHashMap<>(stored.deleted());
    deleted.merge(dataClass, rows, Long::sum);
    runs.rows().put(run, new RetentionRun(run, stored.startedAt(), stored.finishedAt(), stored.workspacesPurged(),
        deleted));
  }

  @Override
  public void finishRun(UUID run, Instant finishedAt, int workspacesPurged) {
    RetentionRun stored = runs.rows().get(run);
    runs.rows().put(run, new RetentionRun(run, stored.startedAt(), Optional.of(finishedAt), workspacesPurged,
        stored.deleted()));
  }

  @Override
  public List<RetentionRun> runs(int limit) {
    return runs.rows().values().stream()
        .sorted(Comparator.comparing(RetentionRun::startedAt).thenComparing(RetentionRun::id).reversed())
        .limit(limit).toList();
  }
}
