package dev.custodian.crm.core.workspace;

import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.common.InMemoryTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import java.util.Optional;

/** In-memory fake of {@link WorkspaceRepository}; passes the same contract as the jOOQ adapter. */
public final class InMemoryWorkspaceRepository implements WorkspaceRepository {

  private final InMemoryTable<WorkspaceId, Workspace> table;

  public InMemoryWorkspaceRepository(InMemoryTransactions transactions) {
    this.table = transactions.newTable();
  }

  @Override
  public void insert(Workspace workspace) {
    if (existsBySlug(workspace.slug())) {
      throw new ConflictException(ConflictException.Kind.DUPLICATE, "slug is already taken");
    }
    if (table.rows().putIfAbsent(workspace.id(), workspace) != null) {
      throw new ConflictException(ConflictException.Kind.DUPLICATE, "workspace already exists");
    }
  }

  @Override
  public Optional<Workspace> findById(WorkspaceId id) {
    return Optional.ofNullable(table.rows().get(id));
  }

  @Override
  public boolean existsBySlug(Slug slug) {
    return table.rows().values().stream().anyMatch(w -> w.slug().equals(slug));
  }
}
