package dev.custodian.crm.core.consent.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.CrmException;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.RateLimitedException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.consent.ConfirmationToken;
import dev.custodian.crm.core.consent.ConsentConfirmation;
import dev.custodian.crm.core.consent.ConsentEventKind;
import dev.custodian.crm.core.consent.ConsentProof;
import dev.custodian.crm.core.consent.ConsentSource;
import dev.custodian.crm.core.consent.ConsentState;
import dev.custodian.crm.core.consent.LegalBasis;
import dev.custodian.crm.core.consent.Purpose;
import dev.custodian.crm.core.consent.port.in.ConsentUseCases;
import dev.custodian.crm.core.consent.port.in.RecordConsentCommand;
import dev.custodian.crm.core.consent.port.in.RequestConsentCommand;
import dev.custodian.crm.core.consent.port.out.ConsentConfirmations;
import dev.custodian.crm.core.consent.port.out.ConsentRecorder;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.mail.port.out.MailOutbox;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.throttle.ThrottleKey;
import dev.custodian.crm.core.throttle.service.Throttle;
import dev.custodian.crm.core.workspace.WorkspaceStatus;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Service: double opt-in (CON-01). A member asks a contact to confirm a purpose: a confirmation
 * request is stored and a {@link MailTemplate#CONSENT_CONFIRMATION} mail queued in the same
 * transaction (the token is minted when it is sent, see {@link ConsentConfirmationMail}). The
 * person's confirmation, with no account, uses the token once and records the grant (or the
 * restore after an objection) from {@code EMAIL_LINK}, the one source that undoes a refusal.
 */
public final class ConsentOptInService implements ConsentUseCases.OptIns {

  /** The throttle's scope of failed confirmations, per client address. */
  static final String THROTTLE_SCOPE = "consent-confirm";
  private static final Duration DAY = Duration.ofDays(1);
  private static final String ANONYMOUS = "anonymous";

  private final WorkspaceTransactions gated;
  private final Transactions transactions;
  private final PurposeRepository purposes;
  private final ContactRepository contacts;
  private final ConsentConfirmations confirmations;
  private final ConsentRecorder recorder;
  private final ConsentLedgerService ledger;
  private final MailOutbox outbox;
  private final WorkspaceRepository workspaces;
  private final Throttle throttle;
  private final IdGenerator ids;
  private final Clock clock;

  ConsentOptInService(WorkspaceTransactions gated, Transactions transactions, PurposeRepository purposes,
      ContactRepository contacts, ConsentConfirmations confirmations, ConsentRecorder recorder,
      ConsentLedgerService ledger, MailOutbox outbox, WorkspaceRepository workspaces, Throttle throttle,
      IdGenerator ids, Clock clock) {
    this.gated = Objects.requireNonNull(gated, "gated");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.purposes = Objects.requireNonNull(purposes, "purposes");
    this.contacts = Objects.requireNonNull(contacts, "contacts");
    this.confirmations = Objects.requireNonNull(confirmations, "confirmations");
    this.recorder = Objects.requireNonNull(recorder, "recorder");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
    this.throttle = Objects.requireNonNull(throttle, "throttle");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Instant request(Actor actor, RequestConsentCommand command) {
    WorkspaceId workspace = command.workspace();
    return gated.inWorkspace(workspace, actor, Permission.CONSENT_RECORD, () -> {
      Instant now = Timestamps.now(clock);
      if (contacts.findById(workspace, command.contact()).isEmpty()) {
        throw new NotFoundException("contact");
      }
      Purpose purpose = purposes.find(workspace, command.purpose()).orElseThrow(() -> new ValidationException(
          List.of(FieldError.field("purpose", "is not a purpose of this workspace"))));
      if (purpose.isRetired()) {
        throw new ConflictException(CrmException.Kind.INVALID_STATE, "the purpose is retired");
      }
      if (purpose.basis() != LegalBasis.CONSENT && !purpose.objectable()) {
        throw new ConflictException(CrmException.Kind.INVALID_STATE,
            "this purpose's basis is neither consent nor one a person may object to");
      }
      if (confirmations.countSince(workspace, command.contact(), command.purpose(), now.minus(DAY))
          >= REQUESTS_PER_DAY) {
        throw new RateLimitedException(DAY.toSeconds());
      }
      ConsentConfirmation confirmation = new ConsentConfirmation(workspace, ids.newId(), command.contact(),
          command.purpose(), command.noticeVersion(), now);
      confirmations.add(confirmation);
      outbox.enqueueToSubject(MailTemplate.CONSENT_CONFIRMATION, workspace.value(), command.contact().value(),
          Optional.of(confirmation.id()), now);
      gated.audit(workspace, actor, AuditAction.OPT_IN_REQUESTED, AuditTargetType.CONTACT, command.contact().value(),
          AuditDetails.none().withId(AuditDetails.Key.PURPOSE_ID, purpose.key().auditId()));
      return confirmation.requestedAt();
    });
  }

  @Override
  public ConsentUseCases.Recorded confirm(String token, ConsentProof edge, String clientIp) {
    // Every attempt counts per client address until it succeeds: guessing is slowed, people are not.
    ThrottleKey key = ThrottleKey.clientIp(THROTTLE_SCOPE, clientIp);
    throttle.check(key);
    WorkspaceId workspace = ConfirmationToken.workspaceOf(token).orElseThrow(() -> new NotFoundException("confirmation"));
    ConsentUseCases.Recorded recorded = transactions.inWorkspace(workspace, () -> {
      Instant now = Timestamps.now(clock);
      ConsentConfirmation used = confirmations.use(workspace, TokenHash.of(token), now)
          .orElseThrow(() -> new NotFoundException("confirmation"));
      // A cancelled workspace is changed by no grant (its purge is due); the token stays unused.
      if (workspaces.findById(workspace).map(w -> w.status() instanceof WorkspaceStatus.Cancelled).orElse(true)) {
        throw new ConflictException(CrmException.Kind.WORKSPACE_CANCELLED,
            "the workspace is cancelled: it can be read until its purge, not changed");
      }
      ConsentRecorder.Basis basis = recorder.lockAndRead(workspace, used.contact(), used.purpose())
          .orElseThrow(() -> new NotFoundException("confirmation"));
      Purpose purpose = basis.purpose().orElseThrow(() -> new NotFoundException("confirmation"));
      ConsentEventKind kind = ConsentState.fold(purpose, basis.events()) instanceof ConsentState.Objected
          ? ConsentEventKind.RESTORED : ConsentEventKind.GRANTED;
      ConsentProof proof = new ConsentProof(Optional.of(used.noticeVersion()), Optional.of(used.requestedAt()),
          Optional.of(now), edge.ipPrefix(), edge.userAgent(), edge.requestId());
      return ledger.append(workspace, Actor.ANONYMOUS, new RecordConsentCommand(workspace, used.contact(),
          used.purpose(), kind, ConsentSource.EMAIL_LINK, Optional.of(now), proof), ANONYMOUS);
    });
    throttle.release(key);
    return recorded;
  }
}
