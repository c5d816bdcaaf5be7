package dev.custodian.crm.persistence.imports;

import dev.custodian.crm.core.imports.port.out.ImportStores;
import dev.custodian.crm.persistence.common.JooqTransactions;

/** Persistence adapter, the import feature's entry: its stores over the adapter's {@link JooqTransactions}. */
public final class JooqImportStores {

  private JooqImportStores() {}

  public static ImportStores stores(JooqTransactions transactions) {
    return new ImportStores(new JooqImportJobRepository(transactions), new JooqImportQueue(transactions),
        new JooqImportTargets(transactions));
  }
}
