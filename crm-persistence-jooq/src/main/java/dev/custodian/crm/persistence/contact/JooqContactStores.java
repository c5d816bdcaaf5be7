package dev.custodian.crm.persistence.contact;

import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.persistence.common.JooqTransactions;

/** Persistence adapter, the contact feature's entry: its repository over the adapter's {@link JooqTransactions}. */
public final class JooqContactStores {

  private JooqContactStores() {}

  public static ContactRepository contacts(JooqTransactions transactions) {
    return new JooqContactRepository(transactions);
  }
}
