package dev.custodian.crm.core.pipeline;

import dev.custodian.crm.core.common.InMemoryTenantTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.paging.UuidOrder;
import dev.custodian.crm.core.pipeline.port.out.PipelineRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * In-memory fake of {@link PipelineRepository}; passes the same contract as the jOOQ adapter. A
 * pipeline is one row with its stages; its table hides rows of any workspace but the one the
 * transaction is bound to, and keeps names (ignoring case) and the default unique per workspace,
 * as the database's unique indexes do.
 */
public final class InMemoryPipelineRepository implements PipelineRepository {

  private static final Comparator<Pipeline> OLDEST_FIRST = Comparator.comparing(Pipeline::createdAt)
      .thenComparing(p -> p.id().value(), UuidOrder.UNSIGNED);

  private final InMemoryTenantTable<PipelineId, Pipeline> table;

  public InMemoryPipelineRepository(InMemoryTransactions transactions) {
    this.table = InMemoryTenantTable.builder(transactions, Pipeline::workspace, Pipeline::id)
        .duplicateKeyMessage("pipeline already exists")
        .unique(p -> p.name().key(), "a pipeline of this name exists in the workspace")
        // One default per workspace; any other pipeline's value is its own id, which no other row has.
        .unique(p -> p.isDefault() ? "the default" : p.id(), "the workspace has another default pipeline")
        .build();
  }

  @Override
  public void insert(Pipeline pipeline) {
    table.insert(pipeline);
  }

  @Override
  public Optional<Pipeline> findById(WorkspaceId workspace, PipelineId id) {
    return table.find(workspace, id);
  }

  @Override
  public List<Pipeline> list(WorkspaceId workspace) {
    return table.visible(workspace).sorted(OLDEST_FIRST).toList();
  }

  @Override
  public int count(WorkspaceId workspace) {
    return (int) table.visible(workspace).count();
  }

  @Override
  public boolean update(Pipeline changed, long expectedVersion) {
    boolean current = findById(changed.workspace(), changed.id())
        .filter(stored -> stored.version() == expectedVersion).isPresent();
    return current && table.replace(changed);
  }

  @Override
  public void clearDefault(WorkspaceId workspace, Instant at) {
    table.visible(workspace).filter(Pipeline::isDefault).toList()
        .forEach(old -> table.replace(old.changed(old.name(), false, at)));
  }

  @Override
  public boolean delete(WorkspaceId workspace, PipelineId id, long expectedVersion) {
    boolean matches = findById(workspace, id).filter(stored -> stored.version() == expectedVersion).isPresent();
    return matches && table.remove(workspace, id);
  }
}
