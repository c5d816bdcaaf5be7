package dev.custodian.crm.persistence.contact;

import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.JooqTransactions;
import org.jooq.Condition;

/** Persistence adapter, the contact feature's entry: its repository over the adapter's {@link JooqTransactions}. */
public final class JooqContactStores {

  private JooqContactStores() {}

  public static ContactRepository contacts(JooqTransactions transactions) {
    return new JooqContactRepository(transactions);
  }

  /**
   * A page of the contact list (its query, order and cursors) of the contacts that also meet
   * {@code where}, a condition on {@code contacts}' columns: one statement (for another feature's
   * narrower list, such as the contacts a purpose allows).
   */
  public static Page<Contact> listWhere(JooqTransactions transactions, WorkspaceId workspace, ListQuery query,
      Condition where) {
    return JooqContactRepository.listWhere(transactions, workspace, query, where);
  }
}
