package dev.custodian.crm.core.consent.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.consent.AddressHash;
import dev.custodian.crm.core.consent.ConsentEvent;
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
import dev.custodian.crm.core.consent.port.out.ContactConsentReader;
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
  private final IdGenerator ids;
  private final Clock clock;

  public ConsentLedgerService(WorkspaceTransactions transactions, PurposeRepository purposes, ConsentLedger ledger,
      ContactRepository contacts, ConsentAddressHasher hasher, ProcessingGuard guard, ContactConsentReader reader,
      IdGenerator ids, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.purposes = Objects.requireNonNull(purposes, "purposes");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.contacts = Objects.requireNonNull(contacts, "contacts");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.guard = Objects.requireNonNull(guard, "guard");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public ConsentState record(Actor actor, RecordConsentCommand command) {
    WorkspaceId workspace = command.workspace();
    return transactions.inWorkspace(workspace, actor, Permission.CONSENT_RECORD, () -> {
      Contact contact = contacts.findById(workspace, command.contact())
          .orElseThrow(() -> new NotFoundException("contact"));
      Purpose purpose = purposes.find(workspace, command.purpose()).orElseThrow(() -> new ValidationException(
          List.of(FieldError.field("purpose", "is not a purpose of this workspace"))));
      return append(workspace, actor, contact, purpose, command, actorName(actor.admitted()));
    });
  }

  /**
   * Appends inside the caller's transaction (also for the confirmation and unsubscribe links),
   * locking the contact's subject first so two recordings for one contact decide in turn.
   */
  ConsentState append(WorkspaceId workspace, Actor actor, Contact contact, Purpose purpose,
      RecordConsentCommand command, String actorName) {
    SubjectRef subject = ledger.lockSubject(workspace, contact.id(), new SubjectRef(ids.newId()));
    List<ConsentEvent> history = ledger.eventsOf(workspace, subject).stream()
        .filter(e -> e.purpose().equals(purpose.key())).toList();
    ConsentState state = ConsentState.fold(purpose, history);
    AddressHash address = hasher.hash(workspace, contact.email());
    Optional<ConsentEvent> latestOfSubject = history.isEmpty()
        ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    Optional<ConsentEvent> latestOfAddress = ledger.latestFor(workspace, address, purpose.key());
    ConsentPolicies.Outcome outcome = ConsentPolicies.decide(purpose, state, command.kind(), command.source(),
        latestOfSubject, latestOfAddress, command.proof().optInConfirmedAt().isPresent());
    if (outcome == ConsentPolicies.Outcome.UNCHANGED) {
      return state;
    }
    Instant now = Timestamps.now(clock);
    ConsentEvent event = new ConsentEvent(workspace, ids.newId(), subject, address, purpose.key(), purpose.basis(),
        command.kind(), command.source(), command.occurredAt().orElse(now), now, command.proof(), actorName);
    ledger.append(event);
    transactions.audit(workspace, actor, AuditAction.CONSENT_RECORDED, AuditTargetType.CONTACT, contact.id().value(),
        AuditDetails.none().withId(AuditDetails.Key.PURPOSE_ID, purpose.key().auditId())
            .withName(AuditDetails.Key.KIND, event.kind()).withName(AuditDetails.Key.SOURCE, event.source()));
    return state.after(purpose, event);
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
