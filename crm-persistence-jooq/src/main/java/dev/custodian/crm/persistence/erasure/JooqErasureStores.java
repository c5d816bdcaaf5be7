package dev.custodian.crm.persistence.erasure;

import dev.custodian.crm.core.erasure.port.out.ErasureReceiptRepository;
import dev.custodian.crm.core.erasure.port.out.SuppressionEntryRepository;
import dev.custodian.crm.persistence.common.JooqTransactions;

/** Persistence adapter, the erasure feature's entry: its stores over the adapter's {@link JooqTransactions}. */
public final class JooqErasureStores {

  private JooqErasureStores() {}

  public static SuppressionEntryRepository suppressionEntries(JooqTransactions transactions) {
    return new JooqSuppressionEntryRepository(transactions);
  }

  public static ErasureReceiptRepository receipts(JooqTransactions transactions) {
    return new JooqErasureReceiptRepository(transactions);
  }
}
