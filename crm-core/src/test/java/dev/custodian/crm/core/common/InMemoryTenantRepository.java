package dev.custodian.crm.core.common;

import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;

/**
 * Base of the in-memory fakes of workspace-owned repositories: {@code insert} and {@code list} as
 * every such port declares them, over one {@link InMemoryTenantTable}. A fake extends it,
 * implements its port, and adds only what is particular to its aggregate.
 */
public abstract class InMemoryTenantRepository<K, V> {

  protected final InMemoryTenantTable<K, V> table;

  protected InMemoryTenantRepository(InMemoryTenantTable<K, V> table) {
    this.table = Objects.requireNonNull(table, "table");
  }

  /** Stores a new row of the transaction's workspace (see {@link InMemoryTenantTable#insert}). */
  public void insert(V row) {
    table.insert(row);
  }

  /** A page of the workspace's rows, oldest first. */
  public Page<V> list(WorkspaceId workspace, PageRequest page) {
    return table.page(workspace, page);
  }

  /** The rows of the transaction's workspace (none for another), for fakes that look rows up by a value. */
  public java.util.stream.Stream<V> visible(WorkspaceId workspace) {
    return table.visible(workspace);
  }
}
