package dev.custodian.crm.core.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map of rows that takes part in {@link InMemoryTransactions}: readable only inside a
 * transaction, restored to its state at begin when the transaction fails.
 */
public final class InMemoryTable<K, V> {

  private final InMemoryTransactions transactions;
  private Map<K, V> rows = new LinkedHashMap<>();

  InMemoryTable(InMemoryTransactions transactions) {
    this.transactions = transactions;
  }

  /** The rows, for the open transaction only. */
  public Map<K, V> rows() {
    transactions.requireTransaction();
    return rows;
  }

  Runnable snapshot() {
    Map<K, V> copy = new LinkedHashMap<>(rows);
    return () -> rows = copy;
  }
}
