package dev.custodian.crm.core.consent.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.consent.AddressHash;
import dev.custodian.crm.core.consent.AddressHashing;
import dev.custodian.crm.core.consent.ConsentEvent;
import dev.custodian.crm.core.consent.ConsentEventKind;
import dev.custodian.crm.core.consent.ConsentSource;
import dev.custodian.crm.core.consent.ConsentState;
import dev.custodian.crm.core.consent.ContactConsent;
import dev.custodian.crm.core.consent.ProcessingDecision;
import dev.custodian.crm.core.consent.Purpose;
import dev.custodian.crm.core.consent.PurposeBound;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.consent.SubjectRef;
import dev.custodian.crm.core.consent.port.in.ConsentUseCases;
import dev.custodian.crm.core.consent.port.in.RecordConsentCommand;
import dev.custodian.crm.core.consent.port.out.ConsentAddressHasher;
import dev.custodian.crm.core.consent.port.out.ConsentLedger;
import dev.custodian.crm.core.consent.port.out.ConsentRecorder;
import dev.custodian.crm.core.consent.port.out.ContactConsentReader;
import dev.custodian.crm.core.consent.port.out.EligibleContacts;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Service: records what a contact said about a purpose in the append-only ledger, after the
 * {@link ConsentPolicies}; folds a contact's states; finds an address's entries (proof); and hands
 * out the {@link ProcessingGuard}'s answer.
 */
public final class ConsentLedgerService implements ConsentUseCases.Ledger, PurposeBound {

  private final WorkspaceTransactions transactions;
  private final PurposeRepository purposes;
  private final ConsentLedger ledger;
  private final ContactRepository contacts;
  private final ConsentAddressHasher hasher;
  private final ProcessingGuard guard;
  private final ContactConsentReader reader;
  private final ConsentRecorder recorder;
  private final EligibleContacts eligible;
  private final IdGenerator ids;
  private final Clock clock;

  public ConsentLedgerService(WorkspaceTransactions transactions, PurposeRepository purposes, ConsentLedger ledger,
      ContactRepository contacts, ConsentAddressHasher hasher, ProcessingGuard guard, ContactConsentReader reader,
      ConsentRecorder recorder, EligibleContacts eligible, IdGenerator ids, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.purposes = Objects.requireNonNull(purposes, "purposes");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.contacts = Objects.requireNonNull(contacts, "contacts");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.guard = Objects.requireNonNull(guard, "guard");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.recorder = Objects.requireNonNull(recorder, "recorder");
    this.eligible = Objects.requireNonNull(eligible, "eligible");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public ConsentUseCases.Recorded record(Actor actor, RecordConsentCommand command) {
    WorkspaceId workspace = command.workspace();
    // A withdrawal or objection is a person's right, recorded also in a cancelled workspace; a grant is not.
    Permission permission = command.kind().isRefusal() ? Permission.CONSENT_REFUSE : Permission.CONSENT_RECORD;
    return transactions.inWorkspace(workspace, actor, permission,
        () -> append(workspace, actor, command, actorName(actor.admitted())));
  }

  /**
   * Appends inside the caller's transaction (also for the confirmation and unsubscribe links). The
   * first read locks the contact's row, so recordings for one contact decide in turn; it is taken
   * as current and the append is conditional on that (the subject's link and latest entry, and the
   * address's refusals when they matter). Only when the append finds them changed (the read waited
   * for the lock), or the read leads to no entry or a refusal, is it read again: the lock is ours,
   * so that read is current, and it also reads the address's latest entry.
   */
  ConsentUseCases.Recorded append(WorkspaceId workspace, Actor actor, RecordConsentCommand command, String actorName) {
    for (int attempt = 0; attempt < 2; attempt++) {
      boolean current = attempt > 0;
      ConsentRecorder.Basis basis = recorder.lockAndRead(workspace, command.contact(), command.purpose())
          .orElseThrow(() -> new NotFoundException("contact"));
      Purpose purpose = basis.purpose().orElseThrow(() -> new ValidationException(
          List.of(FieldError.field("purpose", "is not a purpose of this workspace"))));
      ConsentState state = ConsentState.fold(purpose, basis.events());
      AddressHash address = hasher.hash(workspace, basis.email());
      Optional<ConsentEvent> latestOfAddress = current
          ? ledger.latestFor(workspace, address, purpose.key()) : Optional.empty();
      ConsentPolicies.Outcome outcome;
      try {
        outcome = ConsentPolicies.decide(purpose, state, command.kind(), command.source(), basis.latest(),
            latestOfAddress, command.proof().optInConfirmedAt().isPresent());
      } catch (ConflictException refused) {
        if (current) {
          throw refused;
        }
        continue; // decided on what may be stale: read again
      }
      if (outcome == ConsentPolicies.Outcome.UNCHANGED) {
        if (current) {
          return new ConsentUseCases.Recorded(state, false);
        }
        continue;
      }
      Instant now = Timestamps.now(clock);
      SubjectRef subject = basis.subject().orElseGet(() -> new SubjectRef(ids.newId()));
      ConsentEvent event = new ConsentEvent(workspace, ids.newId(), subject, address, purpose.key(), purpose.basis(),
          command.kind(), command.source(), command.occurredAt().orElse(now), now, command.proof(), actorName);
      // The address's refusals matter only to a grant the person did not confirm (a restore always needs it).
      boolean addressMatters = !current && command.kind() == ConsentEventKind.GRANTED
          && command.source() != ConsentSource.EMAIL_LINK;
      if (recorder.appendIf(event, command.contact(), basis.subject(), basis.latest().map(ConsentEvent::id),
          addressMatters)) {
        transactions.audit(workspace, actor, AuditAction.CONSENT_RECORDED, AuditTargetType.CONTACT,
            command.contact().value(), AuditDetails.none().withId(AuditDetails.Key.PURPOSE_ID, purpose.key().auditId())
                .withName(AuditDetails.Key.KIND, event.kind()).withName(AuditDetails.Key.SOURCE, event.source()));
        return new ConsentUseCases.Recorded(state.after(purpose, event), true);
      }
      if (current) {
        throw new IllegalStateException("the ledger changed under the contact's lock");
      }
    }
    throw new IllegalStateException("unreachable: the second read is current");
  }

  @Override
  public ContactConsent consentOf(Actor actor, WorkspaceId workspace, ContactId contact) {
    return transactions.inWorkspace(workspace, actor, Permission.CONSENT_READ,
        () -> reader.read(workspace, contact).orElseThrow(() -> new NotFoundException("contact")));
  }

  @Override
  public List<ConsentEvent> proof(Actor actor, WorkspaceId workspace, EmailAddress address) {
    return transactions.inWorkspace(workspace, actor, Permission.CONSENT_MANAGE, () -> {
      List<ConsentEvent> events = ledger.eventsFor(workspace, hasher.hash(workspace, address));
      // The entry names no address: only how many entries the query found.
      transactions.audit(workspace, actor, AuditAction.PROOF_QUERIED, AuditTargetType.CONSENT, null,
          AuditDetails.none().withCount(AuditDetails.Key.ENTRIES, events.size()));
      return events;
    });
  }

  @Override
  public Page<Contact> eligible(Actor actor, WorkspaceId workspace, PurposeKey purpose, ListQuery query) {
    return transactions.inWorkspace(workspace, actor, Permission.CONTACT_READ, () -> {
      AddressHashing hashing = hasher.hashing(workspace);
      Page<Contact> page;
      try {
        page = eligible.page(workspace, purpose, hashing, query);
      } finally {
        hashing.destroy();
      }
      // Only an empty page asks whether the purpose exists (a page with contacts answers that itself).
      if (page.items().isEmpty() && purposes.find(workspace, purpose).isEmpty()) {
        throw new ValidationException(List.of(
            new FieldError(FieldError.Location.PARAMETER, "eligibleFor", "is not a purpose of this workspace")));
      }
      return page;
    });
  }

  @Override
  public ProcessingDecision decide(Actor actor, WorkspaceId workspace, ContactId contact, PurposeKey purpose) {
    return transactions.inWorkspace(workspace, actor, Permission.CONSENT_READ, () -> {
      if (contacts.findById(workspace, contact).isEmpty()) {
        throw new NotFoundException("contact");
      }
      return guard.decide(workspace, contact, purpose);
    });
  }

  /** How the ledger names who recorded an entry: an account or an API key, never a person's name. */
  static String actorName(Actor admitted) {
    if (admitted instanceof Actor.ApiKey key) {
      return "api-key:" + key.key().value();
    }
    return "account:" + admitted.account().value();
  }
}
