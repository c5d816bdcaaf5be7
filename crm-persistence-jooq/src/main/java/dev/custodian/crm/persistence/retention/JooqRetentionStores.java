package dev.custodian.crm.persistence.retention;

import dev.custodian.crm.core.retention.port.out.RetentionStore;
import dev.custodian.crm.persistence.common.JooqTransactions;

/** Persistence adapter, the retention feature's entry: its store over the adapter's {@link JooqTransactions}. */
public final class JooqRetentionStores {

  private JooqRetentionStores() {}

  public static RetentionStore store(JooqTransactions transactions) {
    return new JooqRetentionStore(transactions);
  }
}
