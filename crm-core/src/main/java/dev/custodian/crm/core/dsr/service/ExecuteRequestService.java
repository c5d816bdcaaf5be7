package dev.custodian.crm.core.dsr.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.CrmException;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.dsr.DataSubjectRequest;
import dev.custodian.crm.core.dsr.DataSubjectRequestId;
import dev.custodian.crm.core.dsr.RequestEvent;
import dev.custodian.crm.core.dsr.RequestEventKind;
import dev.custodian.crm.core.dsr.RequestState;
import dev.custodian.crm.core.dsr.RequestType;
import dev.custodian.crm.core.dsr.port.in.ExecuteRequestUseCase;
import dev.custodian.crm.core.dsr.port.out.DataSubjectRequestRepository;
import dev.custodian.crm.core.dsr.port.out.RequestExecutor;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Service: executes a verified request in one transaction with the request locked: its type's
 * {@link RequestExecutor} gives it effect (the use cases it calls join), then the request completes,
 * its history and the audit entry (with the records changed per store) are appended. If any of it
 * fails, none of it happened and the request stays as it was.
 */
public final class ExecuteRequestService implements ExecuteRequestUseCase {

  private final WorkspaceTransactions transactions;
  private final DataSubjectRequestRepository requests;
  private final Map<RequestType, RequestExecutor> executors = new EnumMap<>(RequestType.class);
  private final IdGenerator ids;
  private final Clock clock;

  public ExecuteRequestService(WorkspaceTransactions transactions, DataSubjectRequestRepository requests,
      List<RequestExecutor> executors, IdGenerator ids, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.requests = Objects.requireNonNull(requests, "requests");
    for (RequestExecutor executor : executors) {
      for (RequestType type : executor.types()) {
        if (this.executors.putIfAbsent(type, executor) != null) {
          throw new IllegalArgumentException("two executors of " + type);
        }
      }
    }
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public DataSubjectRequest execute(Actor actor, WorkspaceId workspace, DataSubjectRequestId id) {
    return transactions.inWorkspace(workspace, actor, Permission.PRIVACY_REQUEST_MANAGE, () -> {
      // Locked until commit: a concurrent execution waits, then finds it completed (409).
      DataSubjectRequest current = requests.findForUpdate(workspace, id)
          .orElseThrow(() -> new NotFoundException("privacy request"));
      if (!(current.state() instanceof RequestState.Verified)) {
        throw new ConflictException(CrmException.Kind.INVALID_STATE,
            "only a request whose requester's identity was verified executes, once");
      }
      RequestExecutor executor = executors.get(current.type());
      if (executor == null) {
        throw new ConflictException(CrmException.Kind.INVALID_STATE, "requests of this type cannot execute here yet");
      }
      Map<String, Integer> counts = new TreeMap<>(executor.execute(actor, current));
      // Read again: an erasure scrubbed the request itself (its address goes with the subject's data).
      DataSubjectRequest after = requests.findForUpdate(workspace, id).orElseThrow();
      Instant now = Timestamps.now(clock);
      DataSubjectRequest completed = after.completed(now);
      RequestEvent step = new RequestEvent(workspace, ids.newId(), id, RequestEventKind.COMPLETED, now,
          DataSubjectRequestService.actorName(actor));
      if (!requests.update(completed, after.version(), step)) {
        throw PreconditionFailedException.stale("privacy request");
      }
      AuditDetails details = AuditDetails.none().withName(AuditDetails.Key.TYPE, completed.type());
      for (Map.Entry<String, Integer> count : counts.entrySet()) {
        details = details.withCount(AuditDetails.Key.COUNT, count.getKey(), count.getValue());
      }
      transactions.audit(workspace, actor, AuditAction.PRIVACY_REQUEST_EXECUTED, AuditTargetType.PRIVACY_REQUEST,
          id.value(), details);
      return completed;
    });
  }
}
