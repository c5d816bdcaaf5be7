package dev.custodian.crm.persistence.contact;

import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.persistence.JooqPersistence;

/** Persistence adapter, the contact feature's entry: its repository over {@link JooqPersistence}. */
public final class JooqContactStores {

  private JooqContactStores() {}

  public static ContactRepository contacts(JooqPersistence persistence) {
    return new JooqContactRepository(persistence.transactions());
  }
}
