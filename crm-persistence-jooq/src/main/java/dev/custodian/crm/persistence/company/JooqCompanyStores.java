package dev.custodian.crm.persistence.company;

import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.persistence.common.JooqTransactions;

/** Persistence adapter, the company feature's entry: its repository over the adapter's {@link JooqTransactions}. */
public final class JooqCompanyStores {

  private JooqCompanyStores() {}

  public static CompanyRepository companies(JooqTransactions transactions) {
    return new JooqCompanyRepository(transactions);
  }
}
