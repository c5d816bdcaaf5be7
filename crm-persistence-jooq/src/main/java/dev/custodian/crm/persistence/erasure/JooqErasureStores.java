package dev.custodian.crm.persistence.erasure;

import dev.custodian.crm.core.erasure.port.out.ErasureReceiptRepository;
import dev.custodian.crm.core.erasure.port.out.SuppressionEntryRepository;
import dev.custodian.crm.persistence.JooqPersistence;

/** Persistence adapter, the erasure feature's entry: its stores over {@link JooqPersistence}. */
public final class JooqErasureStores {

  private JooqErasureStores() {}

  public static SuppressionEntryRepository suppressionEntries(JooqPersistence persistence) {
    return new JooqSuppressionEntryRepository(persistence.transactions());
  }

  public static ErasureReceiptRepository receipts(JooqPersistence persistence) {
    return new JooqErasureReceiptRepository(persistence.transactions());
  }
}
