package dev.custodian.crm.privacy.retention;

import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditActor;
import dev.custodian.crm.core.audit.AuditChain;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditEvent;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.audit.port.out.AuditLog;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.datamap.DataClass;
import dev.custodian.crm.core.datamap.DataMap;
import dev.custodian.crm.core.datamap.RetentionRule.Trigger;
import dev.custodian.crm.core.retention.DueRows;
import dev.custodian.crm.core.retention.RetentionReport;
import dev.custodian.crm.core.retention.RetentionRun;
import dev.custodian.crm.core.retention.RetentionStep;
import dev.custodian.crm.core.retention.port.in.ListRetentionRunsUseCase;
import dev.custodian.crm.core.retention.port.in.RunRetentionUseCase;
import dev.custodian.crm.core.retention.port.out.RetentionStore;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.workspace.port.out.WorkspacePurge;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import dev.custodian.crm.core.workspace.service.WorkspaceLifecycleService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Service: the retention engine. A run reads the clock once, then carries out each rule of the
 * {@link DataMap} that has an executor here: the purge of every workspace whose {@code purgeAt}
 * has come (RET-03; an ACTIVE workspace is never due, RET-01), and the expiry of platform rows
 * whose own time has passed. It works tenant by tenant: each batch of at most {@code batchSize}
 * rows is a short transaction of its workspace (row-level security on, as {@code crm_app}) that
 * first locks the workspace's row, skipping it when another instance holds it, so two instances
 * never work the same tenant at once; the batch records its count in the run's history and in the
 * workspace's progress. The due rows are the state: a run that dies leaves them for the next one.
 * A workspace's last step makes it a PURGED tombstone and appends {@code workspace_purged} (actor
 * SYSTEM) with every row its purge deleted, per table, whichever runs deleted them. Rows of a
 * workspace expiring by a time of their own (a data-subject package) go workspace by workspace
 * too, each batch in its workspace's transaction with the entry its step declares (a package's
 * {@code subject_package_deleted}) per row on that workspace's chain. Each real run appends {@code retention_run} with its totals per
 * class to the platform chain.
 */
public final class RetentionEngine implements RunRetentionUseCase, ListRetentionRunsUseCase {

  /** Rows per batch unless configured ({@code CRM_RETENTION_BATCH_SIZE}). */
  public static final int DEFAULT_BATCH_SIZE = 1000;
  /** Due workspaces looked up per round. */
  static final int WORKSPACES_PER_ROUND = 100;
  /** Most due workspaces a dry run lists. */
  static final int DRY_RUN_WORKSPACES = 100_000;

  private final Transactions transactions;
  private final WorkspaceRepository workspaces;
  private final WorkspacePurge purge;
  private final RetentionStore store;
  private final AuditLog audit;
  private final Clock clock;
  private final IdGenerator ids;
  private final int batchSize;
  private final List<RetentionStep> workspaceSteps;
  private final List<RetentionStep> expirySteps;
  private final List<RetentionStep> workspaceExpirySteps;

  /**
   * @throws IllegalArgumentException for a batch size below 1
   * @throws IllegalStateException when a store's step names a class the map does not have, or one
   *     whose rule it does not carry out (a workspace step of a class kept beyond its workspace,
   *     an expiry step of a class not expiring by its own time)
   */
  public RetentionEngine(Transactions transactions, WorkspaceRepository workspaces, WorkspacePurge purge,
      RetentionStore store, AuditLog audit, Clock clock, IdGenerator ids, DataMap map, int batchSize) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
    this.purge = Objects.requireNonNull(purge, "purge");
    this.store = Objects.requireNonNull(store, "store");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
    if (batchSize < 1) {
      throw new IllegalArgumentException("a batch holds at least one row");
    }
    this.batchSize = batchSize;
    this.workspaceSteps = List.copyOf(store.workspaceSteps());
    this.expirySteps = List.copyOf(store.expirySteps());
    this.workspaceExpirySteps = List.copyOf(store.workspaceExpirySteps());
    for (RetentionStep step : workspaceSteps) {
      DataClass c = classOf(map, step);
      // a class ending with its workspace, or one living shorter by a time of its own (a package
      // waiting for its download): it goes with its workspace at the latest; never one kept longer
      boolean endsWithIt = c.rule().trigger() == Trigger.WORKSPACE_ENDED && c.rule().period().isZero();
      boolean shorterLived = c.rule().trigger() == Trigger.TIME_SINCE_EVENT;
      if (!endsWithIt && !shorterLived) {
        throw new IllegalStateException(step.table() + ": " + c.name() + " does not end with its workspace");
      }
    }
    List<RetentionStep> expiring = new ArrayList<>(expirySteps);
    expiring.addAll(workspaceExpirySteps);
    for (RetentionStep step : expiring) {
      DataClass c = classOf(map, step);
      if (c.rule().trigger() != Trigger.TIME_SINCE_EVENT || c.category().isWorkspaceContent()) {
        throw new IllegalStateException(step.table() + ": " + c.name() + " does not expire by a time of its own");
      }
    }
  }

  private static DataClass classOf(DataMap map, RetentionStep step) {
    return map.find(step.dataClass()).orElseThrow(() -> new IllegalStateException(
        step.table() + ": no data class " + step.dataClass()));
  }

  @Override
  public RetentionReport dryRun() {
    Instant now = Timestamps.now(clock);
    List<DueRows> rows = new ArrayList<>();
    List<WorkspaceId> due = transactions.inPlatform(() -> workspaces.duePurges(now, DRY_RUN_WORKSPACES));
    for (WorkspaceId workspace : due) {
      transactions.inWorkspace(workspace, () -> {
        for (RetentionStep step : workspaceSteps) {
          long count = store.countWorkspaceRows(workspace, step);
          if (count > 0) {
            rows.add(new DueRows(Optional.of(workspace), step, count));
          }
        }
        return null;
      });
    }
    Set<WorkspaceId> dueSet = new HashSet<>(due);
    transactions.inPlatform(() -> {
      for (RetentionStep step : expirySteps) {
        long count = store.countExpired(step, now);
        if (count > 0) {
          rows.add(new DueRows(Optional.empty(), step, count));
        }
      }
      for (RetentionStep step : workspaceExpirySteps) {
        store.expiredByWorkspace(step, now, DRY_RUN_WORKSPACES).forEach((workspace, count) -> {
          if (!dueSet.contains(workspace)) { // a due workspace's go with its purge, counted above
            addRows(rows, workspace, step, count);
          }
        });
      }
      return null;
    });
    return new RetentionReport(Optional.empty(), now, rows, due);
  }

  @Override
  public RetentionReport run() {
    Instant now = Timestamps.now(clock);
    UUID run = ids.newId();
    transactions.inPlatform(() -> {
      store.startRun(run, now);
      return null;
    });
    List<DueRows> rows = new ArrayList<>();
    List<WorkspaceId> purged = new ArrayList<>();
    Set<WorkspaceId> seen = new LinkedHashSet<>();
    while (true) {
      List<WorkspaceId> due = transactions.inPlatform(() -> workspaces.duePurges(now, WORKSPACES_PER_ROUND));
      List<WorkspaceId> fresh = due.stream().filter(seen::add).toList();
      for (WorkspaceId workspace : fresh) {
        if (purgeWorkspace(run, workspace, now, rows)) {
          purged.add(workspace);
        }
      }
      if (due.size() < WORKSPACES_PER_ROUND || fresh.isEmpty()) {
        break;
      }
    }
    for (RetentionStep step : expirySteps) {
      long deleted = 0;
      long batch;
      do {
        batch = transactions.inPlatform(() -> {
          long d = store.deleteExpired(step, now, batchSize);
          if (d > 0) {
            store.recordBatch(run, step.dataClass(), d);
          }
          return d;
        });
        deleted += batch;
      } while (batch == batchSize);
      if (deleted > 0) {
        rows.add(new DueRows(Optional.empty(), step, deleted));
      }
    }
    for (RetentionStep step : workspaceExpirySteps) {
      expireByWorkspace(run, step, now, rows);
    }
    RetentionReport report = new RetentionReport(Optional.of(run), now, rows, purged);
    transactions.inPlatform(() -> {
      store.finishRun(run, Timestamps.now(clock), purged.size());
      AuditDetails details = AuditDetails.none().withCount(AuditDetails.Key.COUNT, report.total());
      for (Map.Entry<String, Long> total : report.totals().entrySet()) {
        details = details.withCount(AuditDetails.Key.COUNT, total.getKey(), total.getValue());
      }
      audit.append(AuditChain.platform(), AuditEvent.of(AuditActor.system(), AuditAction.RETENTION_RUN,
          AuditTargetType.RETENTION_RUN, run, details));
      return null;
    });
    return report;
  }

  /**
   * Purges one due workspace in batches, then ends it; false when another instance holds it (that
   * one goes on) or it is no longer due.
   */
  private boolean purgeWorkspace(UUID run, WorkspaceId workspace, Instant now, List<DueRows> rows) {
    for (RetentionStep step : workspaceSteps) {
      long deleted = 0;
      while (true) {
        Long batch = transactions.inWorkspace(workspace, () -> {
          if (!workspaces.lockDuePurge(workspace, now)) {
            return null;
          }
          long d = store.deleteWorkspaceRows(workspace, step, now, batchSize);
          if (d > 0) {
            store.addProgress(workspace, step.table(), d);
            store.recordBatch(run, step.dataClass(), d);
          }
          return d;
        });
        if (batch == null) {
          addRows(rows, workspace, step, deleted);
          return false;
        }
        deleted += batch;
        if (batch < batchSize) {
          break;
        }
      }
      addRows(rows, workspace, step, deleted);
    }
    Map<String, String> classes = new HashMap<>();
    workspaceSteps.forEach(step -> classes.put(step.table(), step.dataClass()));
    return transactions.inWorkspace(workspace, () -> {
      if (!workspaces.lockDuePurge(workspace, now)) {
        return false;
      }
      Map<String, Long> counts = new LinkedHashMap<>(store.progress(workspace));
      // The last step: whatever is left (nothing, unless a table has no step) goes in one go.
      Map<String, Long> rest = purge.purge(workspace, now);
      for (Map.Entry<String, Long> table : rest.entrySet()) {
        String dataClass = classes.get(table.getKey());
        if (table.getValue() > 0 && dataClass != null) {
          store.recordBatch(run, dataClass, table.getValue());
          addRows(rows, workspace, new RetentionStep(table.getKey(), dataClass), table.getValue());
        }
      }
      Map<String, Long> all = new LinkedHashMap<>();
      for (String table : rest.keySet()) {
        all.put(table, counts.getOrDefault(table, 0L) + rest.get(table));
      }
      counts.forEach(all::putIfAbsent);
      workspaces.markPurged(workspace, now);
      audit.append(AuditChain.of(workspace), AuditEvent.of(AuditActor.system(), AuditAction.WORKSPACE_PURGED,
          AuditTargetType.WORKSPACE, workspace.value(), WorkspaceLifecycleService.purgedCounts(all)));
      return true;
    });
  }

  /**
   * A workspace expiry step, workspace by workspace: each batch in the workspace's transaction,
   * appending the entry the step declares, if any (e.g. {@code subject_package_deleted}; actor
   * SYSTEM, reason {@code EXPIRED}), for each row it deleted to that workspace's chain, so a
   * rollback leaves neither.
   */
  private void expireByWorkspace(UUID run, RetentionStep step, Instant now, List<DueRows> rows) {
    Set<WorkspaceId> seen = new LinkedHashSet<>();
    while (true) {
      Set<WorkspaceId> with = transactions.inPlatform(() -> store.expiredByWorkspace(step, now,
          WORKSPACES_PER_ROUND)).keySet();
      List<WorkspaceId> fresh = with.stream().filter(seen::add).toList();
      for (WorkspaceId workspace : fresh) {
        long deleted = 0;
        int batch;
        do {
          batch = transactions.inWorkspace(workspace, () -> {
            List<UUID> gone = store.deleteExpired(workspace, step, now, batchSize);
            if (!gone.isEmpty()) {
              store.recordBatch(run, step.dataClass(), gone.size());
            }
            step.audited().ifPresent(audited -> gone.forEach(id -> audit.append(AuditChain.of(workspace),
                AuditEvent.of(AuditActor.system(), audited.action(), audited.targetType(), id,
                    AuditDetails.none().withName(AuditDetails.Key.REASON, Expiry.EXPIRED)))));
            return gone.size();
          });
          deleted += batch;
        } while (batch == batchSize);
        addRows(rows, workspace, step, deleted);
      }
      if (with.size() < WORKSPACES_PER_ROUND || fresh.isEmpty()) {
        return;
      }
    }
  }

  /** Why a workspace expiry step's row went, in its audit entry's {@code reason}. */
  private enum Expiry { EXPIRED }

  private static void addRows(List<DueRows> rows, WorkspaceId workspace, RetentionStep step, long count) {
    if (count > 0) {
      rows.add(new DueRows(Optional.of(workspace), step, count));
    }
  }

  @Override
  public List<RetentionRun> recent(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("a limit of at least one");
    }
    return transactions.inPlatform(() -> store.runs(limit));
  }
}
