package dev.custodian.crm.persistence.audit;

import dev.custodian.crm.core.audit.port.out.AuditStore;
import dev.custodian.crm.persistence.common.JooqTransactions;

/** Persistence adapter, the audit trail's entry: its store over the adapter's {@link JooqTransactions}. */
public final class JooqAuditStores {

  private JooqAuditStores() {}

  public static AuditStore store(JooqTransactions transactions) {
    return new JooqAuditStore(transactions);
  }
}
