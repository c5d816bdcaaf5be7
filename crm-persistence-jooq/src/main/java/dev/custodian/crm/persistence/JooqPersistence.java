package dev.custodian.crm.persistence;

import dev.custodian.crm.persistence.common.JooqTransactions;
import javax.sql.DataSource;

/**
 * Persistence adapter, the entry point: one {@link JooqTransactions} over a data source that
 * connects as the application role ({@code crm_app}). Each feature's repositories come from that
 * feature's entry ({@code JooqContactStores.contacts(persistence)}, ...) and all join these
 * transactions, so a use case that touches several is still one transaction.
 */
public final class JooqPersistence {

  private final JooqTransactions transactions;

  private JooqPersistence(DataSource appDataSource) {
    this.transactions = new JooqTransactions(appDataSource);
  }

  public static JooqPersistence create(DataSource appDataSource) {
    return new JooqPersistence(appDataSource);
  }

  /** The {@code Transactions} port; the repositories of every feature join it. */
  public JooqTransactions transactions() {
    return transactions;
  }
}
