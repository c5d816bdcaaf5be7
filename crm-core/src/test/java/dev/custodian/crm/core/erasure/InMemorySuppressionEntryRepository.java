package dev.custodian.crm.core.erasure;

import dev.custodian.crm.core.common.InMemoryTenantTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.erasure.port.out.SuppressionEntryRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * In-memory fake of {@link SuppressionEntryRepository}; passes the same contract as the jOOQ
 * adapter (its serialised transactions make a check wait for a concurrent addition).
 */
public final class InMemorySuppressionEntryRepository implements SuppressionEntryRepository {

  private record Key(SuppressionKind kind, String keyedHash) {}

  private final InMemoryTenantTable<Key, SuppressionEntry> table;

  public InMemorySuppressionEntryRepository(InMemoryTransactions transactions) {
    this.table = InMemoryTenantTable.<Key, SuppressionEntry>builder(transactions,
        SuppressionEntry::workspace, e -> new Key(e.kind(), e.keyedHash())).build();
  }

  @Override
  public void add(SuppressionEntry entry) {
    table.insertIfAbsent(entry);
  }

  @Override
  public Set<SuppressionKind> existing(WorkspaceId workspace, Map<SuppressionKind, String> keyedHashes) {
    Set<SuppressionKind> found = EnumSet.noneOf(SuppressionKind.class);
    keyedHashes.forEach((kind, hash) -> {
      if (table.find(workspace, new Key(kind, hash)).isPresent()) {
        found.add(kind);
      }
    });
    return found;
  }
}
