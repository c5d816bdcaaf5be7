package dev.custodian.crm.core.consent.port.out;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.consent.AddressHash;
import dev.custodian.crm.core.consent.ConsentEvent;
import dev.custodian.crm.core.consent.Purpose;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.consent.SubjectRef;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Out-port, a narrow write path: what a recording decides on, read in one statement with the
 * contact's row locked, and the entry appended in one more, on the condition that nothing it
 * decided on changed meanwhile. By default composed of the stores, a statement each. Joins the
 * caller's open transaction.
 *
 * <p>A read that waited for the lock may have been answered from before the other recording
 * committed; {@link #appendIf} checks afresh, so the caller reads again (the lock is its own now)
 * and decides again when it answers false.
 */
public interface ConsentRecorder {

  /** What a recording decides on: the contact's address, the purpose, its subject and its entries for the purpose (oldest first). */
  record Basis(EmailAddress email, Optional<Purpose> purpose, Optional<SubjectRef> subject, List<ConsentEvent> events) {

    public Basis {
      Objects.requireNonNull(email, "email");
      Objects.requireNonNull(purpose, "purpose");
      Objects.requireNonNull(subject, "subject");
      events = List.copyOf(events);
    }

    /** The subject's latest entry for the purpose. */
    public Optional<ConsentEvent> latest() {
      return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
    }
  }

  /**
   * Locks the contact's row until the transaction ends (recordings for one contact take turns) and
   * reads the basis; empty when the workspace has no such contact.
   */
  Optional<Basis> lockAndRead(WorkspaceId workspace, ContactId contact, PurposeKey purpose);

  /**
   * Appends {@code event} (linking its subject to {@code contact} first when {@code linked} is
   * empty) if the contact's link is still {@code linked}, the subject's latest entry for the
   * purpose is still {@code latest}, and, when {@code unlessAddressRefused}, the latest entry for
   * the event's address and purpose, under any subject, is no withdrawal or objection.
   *
   * @return false, appending nothing, when any of these changed
   */
  boolean appendIf(ConsentEvent event, ContactId contact, Optional<SubjectRef> linked, Optional<UUID> latest,
      boolean unlessAddressRefused);

  /** The same from the stores, a statement each. */
  static ConsentRecorder composed(ContactRepository contacts, PurposeRepository purposes, ConsentLedger ledger) {
    return new ConsentRecorder() {
      @Override
      public Optional<Basis> lockAndRead(WorkspaceId workspace, ContactId contact, PurposeKey purpose) {
        return contacts.findByIdForUpdate(workspace, contact).map(found -> {
          Optional<SubjectRef> subject = ledger.subjectOf(workspace, contact);
          List<ConsentEvent> events = subject.map(s -> ledger.eventsOf(workspace, s).stream()
              .filter(e -> e.purpose().equals(purpose)).toList()).orElse(List.of());
          return new Basis(found.email(), purposes.find(workspace, purpose), subject, events);
        });
      }

      @Override
      public boolean appendIf(ConsentEvent event, ContactId contact, Optional<SubjectRef> linked,
          Optional<UUID> latest, boolean unlessAddressRefused) {
        WorkspaceId workspace = event.workspace();
        Optional<SubjectRef> now = ledger.subjectOf(workspace, contact);
        if (!now.equals(linked)) {
          return false;
        }
        Optional<UUID> latestNow = now.flatMap(s -> ledger.eventsOf(workspace, s).stream()
            .filter(e -> e.purpose().equals(event.purpose())).reduce((a, b) -> b)).map(ConsentEvent::id);
        if (!latestNow.equals(latest)) {
          return false;
        }
        AddressHash address = event.address();
        if (unlessAddressRefused && ledger.latestFor(workspace, address, event.purpose())
            .map(e -> e.kind().isRefusal()).orElse(false)) {
          return false;
        }
        if (linked.isEmpty() && !ledger.lockSubject(workspace, contact, event.subject()).equals(event.subject())) {
          return false;
        }
        ledger.append(event);
        return true;
      }
    };
  }
}
