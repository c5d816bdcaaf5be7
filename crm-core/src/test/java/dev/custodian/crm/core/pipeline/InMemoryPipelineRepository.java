package dev.custodian.crm.core.pipeline;

import dev.custodian.crm.core.common.InMemoryTenantTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.paging.UuidOrder;
import dev.custodian.crm.core.pipeline.port.out.PipelineRepository;
import dev.custodian.crm.core.pipeline.port.out.StageOccupants;
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

  /** The stores whose rows stand in stages (deals), refusing as their foreign keys do. */
  private final List<StageOccupants> occupants = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Lets {@code store}'s rows keep the stages they stand in, as the database's foreign keys do: an
   * update that removes such a stage, or the delete of its pipeline, is a conflict ({@code IN_USE}).
   */
  public void occupiedBy(StageOccupants store) {
    occupants.add(store);
  }

  private void requireUnoccupied(WorkspaceId workspace, java.util.stream.Stream<Stage> removed) {
    if (removed.anyMatch(stage -> occupants.stream().anyMatch(store -> store.anyIn(workspace, stage.id())))) {
      throw new ConflictException(ConflictException.Kind.IN_USE, "deals are in it");
    }
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
    Optional<Pipeline> current = findById(changed.workspace(), changed.id())
        .filter(stored -> stored.version() == expectedVersion);
    if (current.isEmpty()) {
      return false;
    }
    requireUnoccupied(changed.workspace(), current.get().stages().stream()
        .filter(stage -> changed.stage(stage.id()).isEmpty()));
    return table.replace(changed);
  }

  @Override
  public void clearDefault(WorkspaceId workspace, Instant at) {
    table.visible(workspace).filter(Pipeline::isDefault).toList()
        .forEach(old -> table.replace(old.changed(old.name(), false, at)));
  }

  @Override
  public boolean delete(WorkspaceId workspace, PipelineId id, long expectedVersion) {
    Optional<Pipeline> matches = findById(workspace, id).filter(stored -> stored.version() == expectedVersion);
    if (matches.isEmpty()) {
      return false;
    }
    requireUnoccupied(workspace, matches.get().stages().stream());
    return table.remove(workspace, id);
  }
}
