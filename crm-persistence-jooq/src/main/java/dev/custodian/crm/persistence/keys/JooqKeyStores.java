package dev.custodian.crm.persistence.keys;

import dev.custodian.crm.core.keys.port.out.KeyCheckRepository;
import dev.custodian.crm.persistence.JooqPersistence;

/** Persistence adapter, the master key's entry: the key-check store over {@link JooqPersistence}. */
public final class JooqKeyStores {

  private JooqKeyStores() {}

  public static KeyCheckRepository keyChecks(JooqPersistence persistence) {
    return new JooqKeyCheckRepository(persistence.transactions());
  }
}
