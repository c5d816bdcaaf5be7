package dev.custodian.crm.core.consent.service;

import dev.custodian.crm.core.consent.AddressHash;
import dev.custodian.crm.core.consent.ConsentEvent;
import dev.custodian.crm.core.consent.ConsentState;
import dev.custodian.crm.core.consent.ProcessingDecision.Reason;
import dev.custodian.crm.core.consent.ProcessingDecision;
import dev.custodian.crm.core.consent.Purpose;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.consent.port.out.ConsentAddressHasher;
import dev.custodian.crm.core.consent.port.out.ConsentLedger;
import dev.custodian.crm.core.consent.port.out.ProcessingRestrictions;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place that says whether a contact's data may be processed for a purpose; every
 * {@link dev.custodian.crm.core.consent.PurposeBound} service asks it per contact, inside its own
 * workspace transaction. It refuses, in this order: a purpose not declared (CON-08) or retired; a
 * contact whose processing is restricted (DSR-07); an objection (DSR-08); a CONSENT purpose not
 * granted; an address whose latest entry for the purpose, under any contact, refuses.
 */
public final class ProcessingGuard {

  private final PurposeRepository purposes;
  private final ConsentLedger ledger;
  private final ProcessingRestrictions restrictions;
  private final ContactRepository contacts;
  private final ConsentAddressHasher hasher;

  public ProcessingGuard(PurposeRepository purposes, ConsentLedger ledger, ProcessingRestrictions restrictions,
      ContactRepository contacts, ConsentAddressHasher hasher) {
    this.purposes = Objects.requireNonNull(purposes, "purposes");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.restrictions = Objects.requireNonNull(restrictions, "restrictions");
    this.contacts = Objects.requireNonNull(contacts, "contacts");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
  }

  /** Asks inside the caller's transaction of {@code workspace}. */
  public ProcessingDecision decide(WorkspaceId workspace, ContactId contact, PurposeKey purposeKey) {
    Optional<Purpose> found = purposes.find(workspace, purposeKey);
    if (found.isEmpty()) {
      return new ProcessingDecision.Refused(Reason.UNDECLARED_PURPOSE);
    }
    Purpose purpose = found.get();
    if (purpose.isRetired()) {
      return new ProcessingDecision.Refused(Reason.RETIRED_PURPOSE);
    }
    Optional<Contact> person = contacts.findById(workspace, contact);
    if (person.isEmpty()) {
      return new ProcessingDecision.Refused(Reason.NO_CONTACT);
    }
    if (restrictions.restrictedSince(workspace, contact).isPresent()) {
      return new ProcessingDecision.Refused(Reason.RESTRICTED);
    }
    List<ConsentEvent> events = ledger.subjectOf(workspace, contact)
        .map(subject -> ledger.eventsOf(workspace, subject)).orElse(List.of());
    ConsentState state = ConsentState.fold(purpose, events);
    if (state instanceof ConsentState.Objected) {
      return new ProcessingDecision.Refused(Reason.OBJECTED);
    }
    if (!state.allows()) {
      return new ProcessingDecision.Refused(Reason.NO_CONSENT);
    }
    AddressHash address = hasher.hash(workspace, person.get().email());
    boolean addressRefused = ledger.latestFor(workspace, address, purposeKey)
        .map(latest -> latest.kind().isRefusal())
        .orElse(false);
    if (addressRefused) {
      return new ProcessingDecision.Refused(Reason.ADDRESS_REFUSED);
    }
    return new ProcessingDecision.Allowed(purpose.basis());
  }
}
