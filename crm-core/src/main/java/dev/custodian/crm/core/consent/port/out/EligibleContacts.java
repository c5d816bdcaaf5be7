package dev.custodian.crm.core.consent.port.out;

import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.consent.AddressHashing;
import dev.custodian.crm.core.consent.ConsentEvent;
import dev.custodian.crm.core.consent.ConsentState;
import dev.custodian.crm.core.consent.Purpose;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.List;
import java.util.Optional;

/**
 * Out-port, a narrow read: a page of the contacts the {@code ProcessingGuard} allows for a purpose,
 * in the contact list's order and paging (the same query and cursors). Allowed, as the guard
 * decides: the purpose is declared and not retired; the contact is not restricted; its subject's
 * latest entry for the purpose leaves it granted, restored or (on a basis other than consent)
 * never objected to; and the latest entry under its address, whatever subject, is no withdrawal
 * or objection. Joins the caller's open transaction.
 */
@FunctionalInterface
public interface EligibleContacts {

  /**
   * May answer a page shorter than the query's limit, even an empty one, with a next cursor (the
   * default filters each page of the list); an undeclared or retired purpose has none.
   *
   * @param hashing how the workspace hashes addresses, to find each contact's refusals by address
   */
  Page<Contact> page(WorkspaceId workspace, PurposeKey purpose, AddressHashing hashing, ListQuery query);

  /** The same from the stores: each page of the contact list, filtered contact by contact. */
  static EligibleContacts composed(ContactRepository contacts, PurposeRepository purposes, ConsentLedger ledger,
      ProcessingRestrictions restrictions) {
    return (workspace, key, hashing, query) -> {
      Optional<Purpose> found = purposes.find(workspace, key).filter(p -> !p.isRetired());
      if (found.isEmpty()) {
        return new Page<>(List.of(), Optional.empty());
      }
      Purpose purpose = found.get();
      Page<Contact> page = contacts.list(workspace, query);
      return new Page<>(page.items().stream().filter(contact -> {
        if (restrictions.restrictedSince(workspace, contact.id()).isPresent()) {
          return false;
        }
        List<ConsentEvent> events = ledger.subjectOf(workspace, contact.id())
            .map(subject -> ledger.eventsOf(workspace, subject)).orElse(List.of());
        if (!ConsentState.fold(purpose, events).allows()) {
          return false;
        }
        return ledger.latestFor(workspace, hashing.hash(contact.email()), key)
            .map(latest -> !latest.kind().isRefusal()).orElse(true);
      }).toList(), page.next());
    };
  }
}
