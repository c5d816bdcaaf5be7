package dev.custodian.crm.persistence.account;

import dev.custodian.crm.core.account.port.out.AccountRepository;
import dev.custodian.crm.persistence.common.JooqTransactions;

/** Persistence adapter, the account feature's entry: its repository over the adapter's {@link JooqTransactions}. */
public final class JooqAccountStores {

  private JooqAccountStores() {}

  public static AccountRepository accounts(JooqTransactions transactions) {
    return new JooqAccountRepository(transactions);
  }
}
