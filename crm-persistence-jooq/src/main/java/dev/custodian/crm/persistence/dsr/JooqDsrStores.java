package dev.custodian.crm.persistence.dsr;

import dev.custodian.crm.core.dsr.port.out.DataSubjectRequestRepository;
import dev.custodian.crm.core.dsr.port.out.PackageStore;
import dev.custodian.crm.persistence.common.JooqTransactions;

/**
 * Persistence adapter, the data-subject request feature's entry: its requests and the packages'
 * store over the adapter's {@link JooqTransactions}.
 */
public final class JooqDsrStores {

  private JooqDsrStores() {}

  public static DataSubjectRequestRepository requests(JooqTransactions transactions) {
    return new JooqDataSubjectRequestRepository(transactions);
  }

  public static PackageStore packageStore(JooqTransactions transactions) {
    return new JooqPackageStore(transactions);
  }
}
