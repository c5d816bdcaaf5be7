package dev.custodian.crm.core.contact.service;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.contact.ContactListing;
import dev.custodian.crm.core.contact.port.in.ContactUseCases;
import dev.custodian.crm.core.contact.port.out.ContactLinks;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.contact.port.out.SuppressionList;
import java.time.Clock;
import java.util.List;

/** Factory: the contact use cases over their out-ports, one service each (a list needs none). */
public final class ContactServices {

  private ContactServices() {}

  public static ContactUseCases create(WorkspaceTransactions transactions, ContactRepository contacts,
      SuppressionList suppressionList, IdGenerator ids, Clock clock) {
    return create(transactions, contacts, suppressionList, List.of(), ids, clock);
  }

  /** @param links the stores whose rows link to contacts, unlinked by a delete first */
  public static ContactUseCases create(WorkspaceTransactions transactions, ContactRepository contacts,
      SuppressionList suppressionList, List<ContactLinks> links, IdGenerator ids, Clock clock) {
    return new ContactUseCases(
        new CreateContactService(transactions, contacts, suppressionList, ids, clock),
        new GetContactService(transactions, contacts),
        // a list is one page of the walk, for a query of the contact list only
        (actor, workspace, query) -> transactions.list(actor, Permission.CONTACT_READ, workspace,
            query.requireOffer(ContactListing.OFFER), contacts::list),
        new UpdateContactService(transactions, contacts, suppressionList, clock),
        new DeleteContactService(transactions, contacts, links));
  }
}
