package dev.custodian.crm.core.contact.service;

import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.port.in.ListContactsQuery;
import dev.custodian.crm.core.contact.port.in.ListContactsUseCase;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.tenancy.WorkspaceTransactions;
import java.util.Objects;

/** Service: one page of a workspace's contacts, oldest first. */
public final class ListContactsService implements ListContactsUseCase {

  private final WorkspaceTransactions transactions;
  private final ContactRepository contacts;

  public ListContactsService(WorkspaceTransactions transactions, ContactRepository contacts) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.contacts = Objects.requireNonNull(contacts, "contacts");
  }

  @Override
  public Page<Contact> list(ListContactsQuery query) {
    return transactions.inWorkspace(query.tenant(), () -> contacts.list(query.tenant(), query.page()));
  }
}
