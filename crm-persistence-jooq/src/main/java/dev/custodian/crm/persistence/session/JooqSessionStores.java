package dev.custodian.crm.persistence.session;

import dev.custodian.crm.core.session.port.out.SessionRepository;
import dev.custodian.crm.persistence.common.JooqTransactions;

/** Persistence adapter, the session feature's entry: its repository over the adapter's {@link JooqTransactions}. */
public final class JooqSessionStores {

  private JooqSessionStores() {}

  public static SessionRepository sessions(JooqTransactions transactions) {
    return new JooqSessionRepository(transactions);
  }
}
