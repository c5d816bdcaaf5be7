package dev.custodian.crm.core.contact.service;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.contact.ContactListing;
import dev.custodian.crm.core.contact.port.in.ContactUseCases;
import dev.custodian.crm.core.contact.port.out.ContactLinks;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.customfield.service.CustomValueIntake;
import dev.custodian.crm.core.suppression.port.out.SuppressionList;
import java.time.Clock;
import java.util.List;

/** Factory: the contact use cases over their out-ports, one service each (a list needs none). */
public final class ContactServices {

  private ContactServices() {}

  /** The contact use cases; deleting one drops no other store's links (see the overload). */
  public static ContactUseCases create(WorkspaceTransactions transactions, ContactRepository contacts,
      SuppressionList suppressionList, IdGenerator ids, Clock clock) {
    return create(transactions, contacts, suppressionList, List.of(), ids, clock);
  }

  /**
   * The contact use cases; deleting one first drops the links of each of {@code links} to it; no
   * custom fields (see the overload).
   */
  public static ContactUseCases create(WorkspaceTransactions transactions, ContactRepository contacts,
      SuppressionList suppressionList, List<ContactLinks> links, IdGenerator ids, Clock clock) {
    return create(transactions, contacts, suppressionList, links, CustomValueIntake.none(), ids, clock);
  }

  /**
   * The contact use cases with custom values through {@code custom}; deleting one first drops the
   * links of each of {@code links} to it.
   */
  public static ContactUseCases create(WorkspaceTransactions transactions, ContactRepository contacts,
      SuppressionList suppressionList, List<ContactLinks> links, CustomValueIntake custom, IdGenerator ids,
      Clock clock) {
    return new ContactUseCases(
        new CreateContactService(transactions, contacts, suppressionList, custom, ids, clock),
        new GetContactService(transactions, contacts),
        // a list is one page of the walk, for a query of the contact list only
        (actor, workspace, query) -> transactions.list(actor, Permission.CONTACT_READ, workspace,
            query.requireOffer(ContactListing.OFFER), custom.lists().resolving(ObjectType.CONTACT, contacts::list)),
        new UpdateContactService(transactions, contacts, suppressionList, custom, clock),
        new DeleteContactService(transactions, contacts, links));
  }
}
