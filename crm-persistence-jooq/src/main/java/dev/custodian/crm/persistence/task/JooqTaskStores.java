package dev.custodian.crm.persistence.task;

import dev.custodian.crm.core.task.port.out.TaskRepository;
import dev.custodian.crm.persistence.common.JooqTransactions;

/** Persistence adapter, the task feature's entry: its repository over the adapter's {@link JooqTransactions}. */
public final class JooqTaskStores {

  private JooqTaskStores() {}

  public static TaskRepository tasks(JooqTransactions transactions) {
    return new JooqTaskRepository(transactions);
  }
}
