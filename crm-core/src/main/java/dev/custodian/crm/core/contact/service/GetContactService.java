package dev.custodian.crm.core.contact.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.port.in.GetContactUseCase;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;

/** Service: reads one contact. */
public final class GetContactService implements GetContactUseCase {

  private final WorkspaceTransactions transactions;
  private final ContactRepository contacts;

  public GetContactService(WorkspaceTransactions transactions, ContactRepository contacts) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.contacts = Objects.requireNonNull(contacts, "contacts");
  }

  @Override
  public Contact get(Actor actor, WorkspaceId workspace, ContactId id) {
    return transactions.inWorkspace(workspace, actor, Permission.CONTACT_READ,
        () -> contacts.findById(workspace, id).orElseThrow(() -> new NotFoundException("contact")));
  }
}
