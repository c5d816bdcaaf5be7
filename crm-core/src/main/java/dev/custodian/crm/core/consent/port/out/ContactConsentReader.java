package dev.custodian.crm.core.consent.port.out;

import dev.custodian.crm.core.consent.ContactConsent;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.List;
import java.util.Optional;

/**
 * Out-port, a narrow read: a contact's consent as one answer (the purposes, its entries, its
 * restriction), in one statement if the adapter can; by default composed of the stores, a
 * statement each. Joins the caller's open transaction.
 */
@FunctionalInterface
public interface ContactConsentReader {

  /** Empty when the workspace has no such contact. */
  Optional<ContactConsent> read(WorkspaceId workspace, ContactId contact);

  /** The same answer from the stores, one statement each. */
  static ContactConsentReader composed(ContactRepository contacts, PurposeRepository purposes, ConsentLedger ledger,
      ProcessingRestrictions restrictions) {
    return (workspace, contact) -> contacts.findById(workspace, contact).map(found -> new ContactConsent(
        purposes.list(workspace),
        ledger.subjectOf(workspace, contact).map(subject -> ledger.eventsOf(workspace, subject)).orElse(List.of()),
        restrictions.restrictedSince(workspace, contact)));
  }
}
