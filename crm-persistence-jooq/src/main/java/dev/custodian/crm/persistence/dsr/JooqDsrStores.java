package dev.custodian.crm.persistence.dsr;

import dev.custodian.crm.core.dsr.port.out.PackageStore;
import dev.custodian.crm.persistence.common.JooqTransactions;

/** Persistence adapter, the data-subject packages' entry: their store over the adapter's {@link JooqTransactions}. */
public final class JooqDsrStores {

  private JooqDsrStores() {}

  public static PackageStore packageStore(JooqTransactions transactions) {
    return new JooqPackageStore(transactions);
  }
}
