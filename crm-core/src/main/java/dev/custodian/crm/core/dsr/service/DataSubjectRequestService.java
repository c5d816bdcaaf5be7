package dev.custodian.crm.core.dsr.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.consent.port.out.ConsentAddressHasher;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.core.dsr.DataSubjectRequest;
import dev.custodian.crm.core.dsr.DataSubjectRequestId;
import dev.custodian.crm.core.dsr.DataSubjectRequestListing;
import dev.custodian.crm.core.dsr.RequestEvent;
import dev.custodian.crm.core.dsr.RequestEventKind;
import dev.custodian.crm.core.dsr.RequestText;
import dev.custodian.crm.core.dsr.port.in.CreateRequestCommand;
import dev.custodian.crm.core.dsr.port.in.DataSubjectRequestUseCases;
import dev.custodian.crm.core.dsr.port.out.DataSubjectRequestRepository;
import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.mail.port.out.MailOutbox;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Service: records a workspace's data-subject requests and takes their steps. Each step reads the
 * request locked, lets its state decide (a step that does not apply is a 409 {@code INVALID_STATE}),
 * writes it with its history's entry and appends its audit entry, in one transaction.
 */
public final class DataSubjectRequestService implements DataSubjectRequestUseCases.Requests {

  private final WorkspaceTransactions transactions;
  private final DataSubjectRequestRepository requests;
  private final PurposeRepository purposes;
  private final ConsentAddressHasher hasher;
  private final MailOutbox outbox;
  private final IdGenerator ids;
  private final Clock clock;

  public DataSubjectRequestService(WorkspaceTransactions transactions, DataSubjectRequestRepository requests,
      PurposeRepository purposes, ConsentAddressHasher hasher, MailOutbox outbox, IdGenerator ids, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.requests = Objects.requireNonNull(requests, "requests");
    this.purposes = Objects.requireNonNull(purposes, "purposes");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public DataSubjectRequest create(Actor actor, CreateRequestCommand command) {
    WorkspaceId workspace = command.workspace();
    return transactions.inWorkspace(workspace, actor, Permission.PRIVACY_REQUEST_MANAGE, () -> {
      List<FieldError> errors = new ArrayList<>();
      for (int i = 0; i < command.purposes().size(); i++) {
        PurposeKey key = command.purposes().get(i);
        if (purposes.find(workspace, key).isEmpty()) {
          errors.add(FieldError.field(FieldError.path("purposes", i), "is no purpose the workspace declared"));
        }
      }
      if (!errors.isEmpty()) {
        throw new ValidationException(errors);
      }
      Instant now = Timestamps.now(clock);
      DataSubjectRequest request = DataSubjectRequest.create(workspace, DataSubjectRequestId.of(ids.newId()),
          command.type(), command.email(), hasher.hash(workspace, command.email()), command.californiaRequest(),
          command.corrections(), command.purposes(), command.receivedAt().map(Timestamps::micros).orElse(now), now);
      requests.insert(request, event(request, RequestEventKind.RECEIVED, actor, now));
      audit(actor, request, AuditAction.PRIVACY_REQUEST_RECEIVED);
      return request;
    });
  }

  @Override
  public DataSubjectRequestRepository.WithHistory get(Actor actor, WorkspaceId workspace, DataSubjectRequestId id) {
    return transactions.inWorkspace(workspace, actor, Permission.PRIVACY_REQUEST_READ,
        () -> requests.findWithHistory(workspace, id).orElseThrow(() -> new NotFoundException("privacy request")));
  }

  @Override
  public Page<DataSubjectRequest> list(Actor actor, WorkspaceId workspace, ListQuery query) {
    query.requireOffer(DataSubjectRequestListing.OFFER);
    Instant now = Timestamps.now(clock);
    return transactions.list(actor, Permission.PRIVACY_REQUEST_READ, workspace, query,
        (w, q) -> requests.list(w, q, now));
  }

  @Override
  public DataSubjectRequest verify(Actor actor, WorkspaceId workspace, DataSubjectRequestId id,
      Optional<RequestText> note) {
    return step(actor, workspace, id, RequestEventKind.VERIFIED, AuditAction.PRIVACY_REQUEST_VERIFIED,
        (request, now) -> request.verified(note, now));
  }

  @Override
  public DataSubjectRequest start(Actor actor, WorkspaceId workspace, DataSubjectRequestId id) {
    return step(actor, workspace, id, RequestEventKind.STARTED, AuditAction.PRIVACY_REQUEST_STARTED,
        DataSubjectRequest::started);
  }

  @Override
  public DataSubjectRequest extend(Actor actor, WorkspaceId workspace, DataSubjectRequestId id, RequestText reason,
      Optional<Instant> until) {
    // The reason is mailed to the requester (DSR-10), queued in the step's transaction.
    return step(actor, workspace, id, RequestEventKind.EXTENDED, AuditAction.PRIVACY_REQUEST_EXTENDED,
        (request, now) -> mailed(MailTemplate.PRIVACY_REQUEST_EXTENDED, request.extended(reason,
            until.map(Timestamps::micros).orElse(request.receivedAt().plus(DataSubjectRequest.LONGEST_RESPONSE_TIME)),
            now), now));
  }

  @Override
  public DataSubjectRequest reject(Actor actor, WorkspaceId workspace, DataSubjectRequestId id, RequestText reason) {
    return step(actor, workspace, id, RequestEventKind.REJECTED, AuditAction.PRIVACY_REQUEST_REJECTED,
        (request, now) -> mailed(MailTemplate.PRIVACY_REQUEST_REJECTED, request.rejected(reason, now), now));
  }

  @Override
  public DataSubjectRequest cancel(Actor actor, WorkspaceId workspace, DataSubjectRequestId id) {
    return step(actor, workspace, id, RequestEventKind.CANCELLED, AuditAction.PRIVACY_REQUEST_CANCELLED,
        DataSubjectRequest::cancelled);
  }

  private DataSubjectRequest step(Actor actor, WorkspaceId workspace, DataSubjectRequestId id,
      RequestEventKind kind, AuditAction action, BiFunction<DataSubjectRequest, Instant, DataSubjectRequest> change) {
    return transactions.inWorkspace(workspace, actor, Permission.PRIVACY_REQUEST_MANAGE, () -> {
      DataSubjectRequest current = requests.findForUpdate(workspace, id)
          .orElseThrow(() -> new NotFoundException("privacy request"));
      Instant now = Timestamps.now(clock);
      DataSubjectRequest changed = change.apply(current, now);
      if (!requests.update(changed, current.version(), event(changed, kind, actor, now))) {
        throw PreconditionFailedException.stale("privacy request"); // locked: cannot happen but for a broken adapter
      }
      audit(actor, changed, action);
      return changed;
    });
  }

  /** Queues {@code template} to the request's address, if it still holds one, in the step's transaction. */
  private DataSubjectRequest mailed(MailTemplate template, DataSubjectRequest request, Instant now) {
    if (request.email().isPresent()) {
      outbox.enqueueToSubject(template, request.workspace().value(), request.id().value(), Optional.empty(), now);
    }
    return request;
  }

  private RequestEvent event(DataSubjectRequest request, RequestEventKind kind, Actor actor, Instant now) {
    return new RequestEvent(request.workspace(), ids.newId(), request.id(), kind, now, actorName(actor));
  }

  private void audit(Actor actor, DataSubjectRequest request, AuditAction action) {
    transactions.audit(request.workspace(), actor, action, AuditTargetType.PRIVACY_REQUEST, request.id().value(),
        AuditDetails.none().withName(AuditDetails.Key.TYPE, request.type()));
  }

  /** How a request's history names who took a step: an account, an API key, or anonymous; never a name. */
  static String actorName(Actor actor) {
    Actor admitted = actor.admitted();
    if (admitted instanceof Actor.ApiKey key) {
      return "api-key:" + key.key().value();
    }
    if (admitted instanceof Actor.SignedIn signedIn) {
      return "account:" + signedIn.account().value();
    }
    return admitted.audited().kind().label();
  }
}
