package dev.custodian.crm.persistence.throttle;

import dev.custodian.crm.core.throttle.port.out.ThrottleRepository;
import dev.custodian.crm.persistence.common.JooqTransactions;

/** Persistence adapter, the throttle's entry: its repository over the adapter's {@link JooqTransactions}. */
public final class JooqThrottleStores {

  private JooqThrottleStores() {}

  public static ThrottleRepository entries(JooqTransactions transactions) {
    return new JooqThrottleRepository(transactions);
  }
}
