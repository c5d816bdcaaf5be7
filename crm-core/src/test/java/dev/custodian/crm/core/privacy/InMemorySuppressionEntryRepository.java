package dev.custodian.crm.core.privacy;

import dev.custodian.crm.core.common.InMemoryTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.privacy.port.out.SuppressionEntryRepository;
import dev.custodian.crm.core.tenant.TenantId;
import java.util.Optional;

/** In-memory fake of {@link SuppressionEntryRepository}; passes the same contract as the jOOQ adapter. */
public final class InMemorySuppressionEntryRepository implements SuppressionEntryRepository {

  private record Key(TenantId tenant, SuppressionKind kind, String keyedHash) {}

  private final InMemoryTransactions transactions;
  private final InMemoryTable<Key, SuppressionEntry> table;

  public InMemorySuppressionEntryRepository(InMemoryTransactions transactions) {
    this.transactions = transactions;
    this.table = transactions.newTable();
  }

  @Override
  public void add(SuppressionEntry entry) {
    if (!transactions.boundTenant().equals(Optional.of(entry.tenant()))) {
      throw new IllegalStateException("row-level security: the entry belongs to another workspace");
    }
    table.rows().putIfAbsent(new Key(entry.tenant(), entry.kind(), entry.keyedHash()), entry);
  }

  @Override
  public boolean exists(TenantId tenant, SuppressionKind kind, String keyedHash) {
    return transactions.boundTenant().equals(Optional.of(tenant))
        && table.rows().containsKey(new Key(tenant, kind, keyedHash));
  }
}
