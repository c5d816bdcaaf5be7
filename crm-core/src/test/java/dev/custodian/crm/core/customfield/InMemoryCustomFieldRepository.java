package dev.custodian.crm.core.customfield;

import dev.custodian.crm.core.common.InMemoryTenantTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.paging.UuidOrder;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * In-memory fake of {@link CustomFieldRepository}; passes the same contract as the jOOQ adapter. A
 * definition is one row with its options; its table hides rows of any workspace but the one the
 * transaction is bound to, and keeps keys unique per object type, as the database's key does.
 */
public final class InMemoryCustomFieldRepository implements CustomFieldRepository {

  private static final Comparator<CustomField> OLDEST_FIRST = Comparator.comparing(CustomField::createdAt)
      .thenComparing(f -> f.id().value(), UuidOrder.UNSIGNED);

  private final InMemoryTenantTable<CustomFieldId, CustomField> table;

  public InMemoryCustomFieldRepository(InMemoryTransactions transactions) {
    this.table = InMemoryTenantTable.builder(transactions, CustomField::workspace, CustomField::id)
        .duplicateKeyMessage("custom field already exists")
        .unique(f -> f.objectType() + "." + f.key(), "the key is taken for this object type")
        .build();
  }

  @Override
  public void insert(CustomField field) {
    table.insert(field);
  }

  @Override
  public Optional<CustomField> findById(WorkspaceId workspace, CustomFieldId id) {
    return table.find(workspace, id);
  }

  @Override
  public List<CustomField> list(WorkspaceId workspace, ObjectType objectType) {
    return table.visible(workspace).filter(f -> f.objectType() == objectType).sorted(OLDEST_FIRST).toList();
  }

  @Override
  public int count(WorkspaceId workspace, ObjectType objectType) {
    return (int) table.visible(workspace).filter(f -> f.objectType() == objectType).count();
  }

  @Override
  public boolean update(CustomField changed, long expectedVersion) {
    boolean current = findById(changed.workspace(), changed.id())
        .filter(stored -> stored.version() == expectedVersion).isPresent();
    return current && table.replace(changed);
  }

  @Override
  public boolean delete(WorkspaceId workspace, CustomFieldId id, long expectedVersion) {
    boolean matches = findById(workspace, id).filter(stored -> stored.version() == expectedVersion).isPresent();
    return matches && table.remove(workspace, id);
  }
}
