package dev.custodian.crm.persistence.deal;

import dev.custodian.crm.core.deal.port.out.DealRepository;
import dev.custodian.crm.persistence.common.JooqTransactions;

/** Persistence adapter, the deal feature's entry: its repository over the adapter's {@link JooqTransactions}. */
public final class JooqDealStores {

  private JooqDealStores() {}

  public static DealRepository deals(JooqTransactions transactions) {
    return new JooqDealRepository(transactions);
  }
}
