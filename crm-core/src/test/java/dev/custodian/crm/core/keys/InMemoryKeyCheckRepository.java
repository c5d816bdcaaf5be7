package dev.custodian.crm.core.keys;

import dev.custodian.crm.core.common.InMemoryTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.keys.port.out.KeyCheckRepository;
import java.time.Instant;
import java.util.Optional;

/** In-memory fake of {@link KeyCheckRepository}. */
public final class InMemoryKeyCheckRepository implements KeyCheckRepository {

  private final InMemoryTable<String, String> table;

  public InMemoryKeyCheckRepository(InMemoryTransactions transactions) {
    this.table = transactions.newTable();
  }

  @Override
  public Optional<String> find() {
    return Optional.ofNullable(table.rows().get("key-check"));
  }

  @Override
  public void insert(String keyCheck, Instant createdAt) {
    if (table.rows().putIfAbsent("key-check", keyCheck) != null) {
      throw new IllegalStateException("a key-check value is already stored");
    }
  }
}
