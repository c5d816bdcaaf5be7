package dev.custodian.crm.core.consent;

import dev.custodian.crm.core.common.InMemoryTenantTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** In-memory fake of {@link PurposeRepository}; passes the same contract as the jOOQ adapter. */
public final class InMemoryPurposeRepository implements PurposeRepository {

  private final InMemoryTenantTable<PurposeKey, Purpose> table;

  public InMemoryPurposeRepository(InMemoryTransactions transactions) {
    this.table = InMemoryTenantTable.builder(transactions, Purpose::workspace, Purpose::key)
        .duplicateKeyMessage("the purpose key is already taken in this workspace")
        .build();
  }

  @Override
  public void insert(Purpose purpose) {
    table.insert(purpose);
  }

  @Override
  public Optional<Purpose> find(WorkspaceId workspace, PurposeKey key) {
    return table.find(workspace, key);
  }

  @Override
  public List<Purpose> list(WorkspaceId workspace) {
    return table.visible(workspace)
        .sorted(Comparator.comparing(Purpose::createdAt).thenComparing(p -> p.key().value()))
        .toList();
  }

  @Override
  public boolean update(Purpose changed, long expectedVersion) {
    boolean current = find(changed.workspace(), changed.key())
        .filter(stored -> stored.version() == expectedVersion).isPresent();
    return current && table.replace(changed);
  }
}
