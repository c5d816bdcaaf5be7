package dev.custodian.crm.persistence.keys;

import dev.custodian.crm.core.keys.port.out.KeyCheckRepository;
import dev.custodian.crm.persistence.common.JooqTransactions;

/** Persistence adapter, the master key's entry: the key-check store over the adapter's {@link JooqTransactions}. */
public final class JooqKeyStores {

  private JooqKeyStores() {}

  public static KeyCheckRepository keyChecks(JooqTransactions transactions) {
    return new JooqKeyCheckRepository(transactions);
  }
}
