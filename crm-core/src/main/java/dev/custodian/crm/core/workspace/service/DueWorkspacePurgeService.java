package dev.custodian.crm.core.workspace.service;

import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditActor;
import dev.custodian.crm.core.audit.AuditChain;
import dev.custodian.crm.core.audit.AuditEvent;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.audit.port.out.AuditLog;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.workspace.port.in.PurgeDueWorkspacesUseCase;
import dev.custodian.crm.core.workspace.port.out.WorkspacePurge;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Service: finds the cancelled workspaces whose {@code purgeAt} has come (by the clock), and purges
 * each in a transaction of that workspace: it locks the row (skipping one another instance holds),
 * checks it is still due, empties its data through {@link WorkspacePurge}, makes it a PURGED
 * tombstone and appends {@code workspace_purged} with the counts per table to its audit chain, as
 * {@code SYSTEM}. The due rows are the state: a sweep that dies is finished by the next one, and an
 * ACTIVE workspace is never touched (RET-01).
 */
public final class DueWorkspacePurgeService implements PurgeDueWorkspacesUseCase {

  /** Workspaces looked up per round of the sweep. */
  static final int BATCH = 100;

  private final Transactions transactions;
  private final WorkspaceRepository workspaces;
  private final WorkspacePurge purge;
  private final AuditLog audit;
  private final Clock clock;

  public DueWorkspacePurgeService(Transactions transactions, WorkspaceRepository workspaces, WorkspacePurge purge,
      AuditLog audit, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
    this.purge = Objects.requireNonNull(purge, "purge");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Map<WorkspaceId, Map<String, Long>> purgeDue() {
    Map<WorkspaceId, Map<String, Long>> purged = new LinkedHashMap<>();
    Instant now = Timestamps.now(clock);
    while (true) {
      List<WorkspaceId> due = transactions.inPlatform(() -> workspaces.duePurges(now, BATCH)).stream()
          .filter(id -> !purged.containsKey(id)).toList();
      int before = purged.size();
      for (WorkspaceId id : due) {
        Map<String, Long> deleted = transactions.inWorkspace(id, () -> {
          if (!workspaces.lockDuePurge(id, now)) {
            return null; // purged meanwhile, or another instance holds it
          }
          Map<String, Long> counts = purge.purge(id, now);
          workspaces.markPurged(id, now);
          audit.append(AuditChain.of(id), AuditEvent.of(AuditActor.system(), AuditAction.WORKSPACE_PURGED,
              AuditTargetType.WORKSPACE, id.value(), WorkspaceLifecycleService.purgedCounts(counts)));
          return counts;
        });
        if (deleted != null) {
          purged.put(id, deleted);
        }
      }
      if (due.size() < BATCH || purged.size() == before) {
        return purged;
      }
    }
  }
}
