package dev.custodian.crm.core.workspace.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.account.Password;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.CrmException;
import dev.custodian.crm.core.common.error.ForbiddenException;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.session.port.in.ReauthenticateUseCase;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.workspace.Workspace;
import dev.custodian.crm.core.workspace.WorkspaceStatus;
import dev.custodian.crm.core.workspace.port.in.CancelWorkspaceUseCase;
import dev.custodian.crm.core.workspace.port.in.DeleteWorkspaceNowUseCase;
import dev.custodian.crm.core.workspace.port.in.ReactivateWorkspaceUseCase;
import dev.custodian.crm.core.workspace.port.out.WorkspacePurge;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Service: a workspace's lifecycle steps (DSR-05), for its OWNERs, signed in. Each runs with
 * {@link Permission#WORKSPACE_LIFECYCLE}, which a cancelled workspace still allows, and each step
 * that changes something appends its entry to the workspace's audit chain in its transaction.
 */
public final class WorkspaceLifecycleService
    implements CancelWorkspaceUseCase, ReactivateWorkspaceUseCase, DeleteWorkspaceNowUseCase {

  private final WorkspaceTransactions transactions;
  private final WorkspaceRepository workspaces;
  private final Consumer<Workspace> onCancelled;
  private final Clock clock;
  private final ReauthenticateUseCase reauthentication;
  private final WorkspacePurge purge;

  /**
   * @param onCancelled what else a cancellation does in its transaction (the owners' mails), given
   *     the cancelled workspace
   */
  public WorkspaceLifecycleService(WorkspaceTransactions transactions, WorkspaceRepository workspaces,
      Consumer<Workspace> onCancelled, Clock clock) {
    this(transactions, workspaces, onCancelled, clock, (account, password, ip) -> {
      password.wipe();
      throw new ForbiddenException(CrmException.Kind.REAUTHENTICATION_FAILED, "no password can be checked here");
    }, (workspace, now) -> {
      throw new IllegalStateException("no purge is configured");
    });
  }

  /**
   * @param reauthentication checks an OWNER's password before a delete-now
   * @param purge deletes a due workspace's data
   */
  public WorkspaceLifecycleService(WorkspaceTransactions transactions, WorkspaceRepository workspaces,
      Consumer<Workspace> onCancelled, Clock clock, ReauthenticateUseCase reauthentication, WorkspacePurge purge) {
    this.reauthentication = Objects.requireNonNull(reauthentication, "reauthentication");
    this.purge = Objects.requireNonNull(purge, "purge");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
    this.onCancelled = Objects.requireNonNull(onCancelled, "onCancelled");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Workspace cancel(Actor actor, WorkspaceId id) {
    return transactions.inWorkspace(id, actor, Permission.WORKSPACE_LIFECYCLE, () -> {
      Workspace workspace = find(id);
      Workspace cancelled = workspace.cancel(Timestamps.now(clock));
      if (cancelled != workspace) {
        workspaces.changeStatus(id, cancelled.status());
        transactions.audit(id, actor, AuditAction.WORKSPACE_CANCELLED, AuditTargetType.WORKSPACE, id.value(),
            AuditDetails.none());
        onCancelled.accept(cancelled);
      }
      return cancelled;
    });
  }

  @Override
  public Workspace reactivate(Actor actor, WorkspaceId id) {
    return transactions.inWorkspace(id, actor, Permission.WORKSPACE_LIFECYCLE, () -> {
      Workspace workspace = find(id);
      Instant now = Timestamps.now(clock);
      Workspace active = workspace.reactivate();
      if (active == workspace) {
        return workspace;
      }
      if (!workspace.reactivatableAt(now)) {
        throw new ConflictException(CrmException.Kind.WORKSPACE_CANCELLED,
            "the workspace's purge is due: it can no longer be reactivated");
      }
      workspaces.changeStatus(id, active.status());
      transactions.audit(id, actor, AuditAction.WORKSPACE_REACTIVATED, AuditTargetType.WORKSPACE, id.value(),
          AuditDetails.none());
      return active;
    });
  }

  @Override
  public Map<String, Long> deleteNow(Actor actor, WorkspaceId id, Password password, String clientIp) {
    Objects.requireNonNull(password, "password");
    AccountId owner;
    try {
      // First whether this OWNER may (a cheap transaction), then the password, with none open.
      owner = transactions.inWorkspace(id, actor, Permission.WORKSPACE_LIFECYCLE, actor::account);
    } catch (RuntimeException refused) {
      password.wipe();
      throw refused;
    }
    reauthentication.reauthenticate(owner, password, clientIp);
    return transactions.inWorkspace(id, actor, Permission.WORKSPACE_LIFECYCLE, () -> {
      Instant now = Timestamps.now(clock);
      Workspace workspace = find(id);
      WorkspaceStatus.Cancelled due = new WorkspaceStatus.Cancelled(
          workspace.status() instanceof WorkspaceStatus.Cancelled c ? c.cancelledAt() : now, now);
      workspaces.changeStatus(id, due);
      transactions.audit(id, actor, AuditAction.WORKSPACE_DELETED_NOW, AuditTargetType.WORKSPACE, id.value(),
          AuditDetails.none());
      Map<String, Long> deleted = purge.purge(id, now);
      workspaces.markPurged(id, now);
      transactions.audit(id, actor, AuditAction.WORKSPACE_PURGED, AuditTargetType.WORKSPACE, id.value(),
          purgedCounts(deleted));
      return deleted;
    });
  }

  /** A purge's audit details: the rows deleted per table, and their total. */
  public static AuditDetails purgedCounts(Map<String, Long> deleted) {
    AuditDetails details = AuditDetails.none()
        .withCount(AuditDetails.Key.COUNT, deleted.values().stream().mapToLong(Long::longValue).sum());
    for (Map.Entry<String, Long> table : deleted.entrySet()) {
      details = details.withCount(AuditDetails.Key.COUNT, table.getKey(), table.getValue());
    }
    return details;
  }

  private Workspace find(WorkspaceId id) {
    return workspaces.findById(id).orElseThrow(() -> new NotFoundException("workspace"));
  }
}
