package dev.custodian.crm.persistence.pipeline;

import static dev.custodian.crm.persistence.generated.Tables.PIPELINES;
import static dev.custodian.crm.persistence.generated.Tables.PIPELINE_STAGES;

import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.pipeline.Pipeline;
import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.pipeline.Stage;
import dev.custodian.crm.core.pipeline.port.out.PipelineRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.DatabaseErrors;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.SqlTime;
import dev.custodian.crm.persistence.generated.tables.records.PipelineStagesRecord;
import dev.custodian.crm.persistence.generated.tables.records.PipelinesRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep8;
import org.jooq.Record1;
import org.jooq.Record8;
import org.jooq.Result;
import org.jooq.Row8;
import org.jooq.SelectConditionStep;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: {@link PipelineRepository} on the {@code pipelines} and
 * {@code pipeline_stages} tables. A pipeline is read with its stages in one statement (a nested set)
 * and written in one statement (a data-modifying {@code WITH}): a change is the pipeline's
 * conditional update, on which the removal of stages that are gone and the upsert of the others
 * depend. Every statement filters by the workspace itself; row-level security is the second,
 * independent wall.
 */
final class JooqPipelineRepository implements PipelineRepository {

  private final JooqTransactions transactions;

  JooqPipelineRepository(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void insert(Pipeline pipeline) {
    DSLContext dsl = transactions.dsl(pipeline.workspace());
    // The stages' insert runs to completion with the pipeline's; their foreign key is checked at the statement's end.
    CommonTableExpression<Record1<UUID>> stages = DSL.name("stages").fields("id")
        .as(stageValues(dsl, pipeline).returningResult(PIPELINE_STAGES.ID));
    // The count lock: a transaction-scoped advisory lock on the workspace's pipeline count (no row
    // is locked, so nothing else waits), taken by the pipeline's row selecting from it.
    CommonTableExpression<Record1<Boolean>> locked = DSL.name("count_lock").fields("locked")
        .as(DSL.select(DSL.field("(select true from (select pg_advisory_xact_lock(hashtextextended({0}, 0))) lock)",
            Boolean.class, DSL.val("crm.pipelines:" + pipeline.workspace().value()))));
    PipelinesRecord row = PipelineMapper.toRecord(pipeline);
    List<Field<?>> columns = List.of(PIPELINES.fields());
    List<Field<?>> values = columns.stream().<Field<?>>map(column -> DSL.val(row.get(column), column)).toList();
    translatingViolations(() -> dsl.with(locked).with(stages)
        .insertInto(PIPELINES).columns(columns)
        .select(DSL.select(values).from(locked).where(locked.field("locked", Boolean.class)))
        .execute());
  }

  @Override
  public Optional<Pipeline> findById(WorkspaceId workspace, PipelineId id) {
    return selectWithStages(workspace).and(PIPELINES.ID.eq(id.value())).fetchOptional().map(PipelineMapper::toPipeline);
  }

  @Override
  public List<Pipeline> list(WorkspaceId workspace) {
    return selectWithStages(workspace).orderBy(PIPELINES.CREATED_AT, PIPELINES.ID).fetch(PipelineMapper::toPipeline);
  }

  /** The workspace's pipelines, each with its stages by position as a nested set. */
  private SelectConditionStep<Record8<UUID, UUID, String, Boolean, java.time.OffsetDateTime,
      java.time.OffsetDateTime, Long, Result<PipelineStagesRecord>>> selectWithStages(WorkspaceId workspace) {
    Field<Result<PipelineStagesRecord>> stages = DSL.multiset(
        DSL.selectFrom(PIPELINE_STAGES)
            .where(PIPELINE_STAGES.TENANT_ID.eq(PIPELINES.TENANT_ID))
            .and(PIPELINE_STAGES.PIPELINE_ID.eq(PIPELINES.ID))
            .orderBy(PIPELINE_STAGES.POSITION)).as("stages");
    return transactions.dsl(workspace)
        .select(PIPELINES.TENANT_ID, PIPELINES.ID, PIPELINES.NAME, PIPELINES.IS_DEFAULT, PIPELINES.CREATED_AT,
            PIPELINES.UPDATED_AT, PIPELINES.VERSION, stages)
        .from(PIPELINES)
        .where(PIPELINES.TENANT_ID.eq(workspace.value()));
  }

  @Override
  public int count(WorkspaceId workspace) {
    return transactions.dsl(workspace).fetchCount(PIPELINES, PIPELINES.TENANT_ID.eq(workspace.value()));
  }

  @Override
  public boolean update(Pipeline changed, long expectedVersion) {
    DSLContext dsl = transactions.dsl(changed.workspace());
    UUID tenant = changed.workspace().value();
    UUID id = changed.id().value();
    CommonTableExpression<Record1<UUID>> updated = DSL.name("updated").fields("id").as(dsl.update(PIPELINES)
        .set(PIPELINES.NAME, changed.name().value())
        .set(PIPELINES.NAME_NORMALISED, changed.name().key())
        .set(PIPELINES.IS_DEFAULT, changed.isDefault())
        .set(PIPELINES.UPDATED_AT, SqlTime.utc(changed.updatedAt()))
        .set(PIPELINES.VERSION, changed.version())
        .where(key(changed.workspace(), changed.id()))
        .and(PIPELINES.VERSION.eq(expectedVersion))
        .returningResult(PIPELINES.ID));
    Condition whenUpdated = DSL.exists(DSL.selectOne().from(updated));
    UUID[] kept = changed.stages().stream().map(s -> s.id().value()).toArray(UUID[]::new);
    CommonTableExpression<Record1<UUID>> removed = DSL.name("removed").fields("id").as(dsl.deleteFrom(PIPELINE_STAGES)
        .where(PIPELINE_STAGES.TENANT_ID.eq(tenant))
        .and(PIPELINE_STAGES.PIPELINE_ID.eq(id))
        .and(PIPELINE_STAGES.ID.notEqual(DSL.all(kept)))
        .and(whenUpdated)
        .returningResult(PIPELINE_STAGES.ID));
    Table<Record8<UUID, UUID, UUID, String, String, String, Integer, Integer>> given = rows(changed)
        .as("given", "tenant_id", "id", "pipeline_id", "name", "name_normalised", "kind", "probability", "position");
    CommonTableExpression<Record1<UUID>> written = DSL.name("written").fields("id").as(dsl
        .insertInto(PIPELINE_STAGES, PIPELINE_STAGES.TENANT_ID, PIPELINE_STAGES.ID, PIPELINE_STAGES.PIPELINE_ID,
            PIPELINE_STAGES.NAME, PIPELINE_STAGES.NAME_NORMALISED, PIPELINE_STAGES.KIND, PIPELINE_STAGES.PROBABILITY,
            PIPELINE_STAGES.POSITION)
        .select(DSL.selectFrom(given).where(whenUpdated))
        .onConflict(PIPELINE_STAGES.TENANT_ID, PIPELINE_STAGES.ID)
        .doUpdate()
        .set(PIPELINE_STAGES.NAME, DSL.excluded(PIPELINE_STAGES.NAME))
        .set(PIPELINE_STAGES.NAME_NORMALISED, DSL.excluded(PIPELINE_STAGES.NAME_NORMALISED))
        .set(PIPELINE_STAGES.PROBABILITY, DSL.excluded(PIPELINE_STAGES.PROBABILITY))
        .set(PIPELINE_STAGES.POSITION, DSL.excluded(PIPELINE_STAGES.POSITION))
        .where(PIPELINE_STAGES.PIPELINE_ID.eq(DSL.excluded(PIPELINE_STAGES.PIPELINE_ID))) // never another pipeline's
        .returningResult(PIPELINE_STAGES.ID));
    // One statement: the stages change only if the pipeline's conditional update did (every data-modifying
    // WITH runs to completion, read or not).
    Integer changedRows = translatingViolations(() -> dsl.with(updated, removed, written)
        .select(DSL.field(DSL.selectCount().from(updated)))
        .fetchOne(0, Integer.class));
    return changedRows != null && changedRows == 1;
  }

  @Override
  public void clearDefault(WorkspaceId workspace, Instant at) {
    transactions.dsl(workspace).update(PIPELINES)
        .set(PIPELINES.IS_DEFAULT, false)
        .set(PIPELINES.UPDATED_AT, SqlTime.utc(Timestamps.micros(at)))
        .set(PIPELINES.VERSION, PIPELINES.VERSION.plus(1))
        .where(PIPELINES.TENANT_ID.eq(workspace.value()))
        .and(PIPELINES.IS_DEFAULT)
        .execute();
  }

  @Override
  public boolean delete(WorkspaceId workspace, PipelineId id, long expectedVersion) {
    // Its stages go with it (the foreign key cascades); the deals' keys refuse it while it holds any.
    return translatingViolations(() -> transactions.dsl(workspace).deleteFrom(PIPELINES)
        .where(key(workspace, id))
        .and(PIPELINES.VERSION.eq(expectedVersion))
        .execute()) == 1;
  }

  /** The insert of a pipeline's stages, as a multi-row {@code VALUES}. */
  private static InsertValuesStep8<PipelineStagesRecord, UUID, UUID, UUID, String, String, String, Integer, Integer>
      stageValues(DSLContext dsl, Pipeline pipeline) {
    var insert = dsl.insertInto(PIPELINE_STAGES, PIPELINE_STAGES.TENANT_ID, PIPELINE_STAGES.ID,
        PIPELINE_STAGES.PIPELINE_ID, PIPELINE_STAGES.NAME, PIPELINE_STAGES.NAME_NORMALISED, PIPELINE_STAGES.KIND,
        PIPELINE_STAGES.PROBABILITY, PIPELINE_STAGES.POSITION);
    for (Stage stage : pipeline.stages()) {
      insert = insert.values(row(pipeline, stage));
    }
    return insert;
  }

  /** A pipeline's stages as a {@code VALUES} table. */
  @SuppressWarnings("unchecked") // an array of one generic row type
  private static Table<Record8<UUID, UUID, UUID, String, String, String, Integer, Integer>> rows(Pipeline pipeline) {
    return DSL.values(pipeline.stages().stream().map(stage -> row(pipeline, stage)).toArray(Row8[]::new));
  }

  private static Row8<UUID, UUID, UUID, String, String, String, Integer, Integer> row(Pipeline pipeline, Stage stage) {
    return DSL.row(
        DSL.val(pipeline.workspace().value(), PIPELINE_STAGES.TENANT_ID),
        DSL.val(stage.id().value(), PIPELINE_STAGES.ID),
        DSL.val(pipeline.id().value(), PIPELINE_STAGES.PIPELINE_ID),
        DSL.val(stage.name().value(), PIPELINE_STAGES.NAME),
        DSL.val(stage.name().key(), PIPELINE_STAGES.NAME_NORMALISED),
        DSL.val(stage.kind().name(), PIPELINE_STAGES.KIND),
        DSL.val(stage.probability().value(), PIPELINE_STAGES.PROBABILITY),
        DSL.val(stage.position(), PIPELINE_STAGES.POSITION));
  }

  private static Condition key(WorkspaceId workspace, PipelineId id) {
    return PIPELINES.TENANT_ID.eq(workspace.value()).and(PIPELINES.ID.eq(id.value()));
  }

  private static <T> T translatingViolations(Supplier<T> write) {
    try {
      return write.get();
    } catch (org.jooq.exception.DataAccessException e) {
      // A stage or pipeline that deals are in is kept by their foreign keys (deals_stage_fk, deals_pipeline_fk).
      if (DatabaseErrors.isViolation(e, DatabaseErrors.FOREIGN_KEY_VIOLATION, "deals_stage_fk")
          || DatabaseErrors.isViolation(e, DatabaseErrors.FOREIGN_KEY_VIOLATION, "deals_pipeline_fk")) {
        throw new ConflictException(ConflictException.Kind.IN_USE, "deals are in it");
      }
      if (DatabaseErrors.isViolation(e, DatabaseErrors.UNIQUE_VIOLATION, "pipelines_name_uk")) {
        throw new ConflictException(ConflictException.Kind.DUPLICATE, "a pipeline of this name exists in the workspace");
      }
      if (DatabaseErrors.isViolation(e, DatabaseErrors.UNIQUE_VIOLATION, "pipelines_one_default_ux")) {
        throw new ConflictException(ConflictException.Kind.DUPLICATE, "the workspace has another default pipeline");
      }
      if (DatabaseErrors.isViolation(e, DatabaseErrors.UNIQUE_VIOLATION, "pipelines_pk")) {
        throw new ConflictException(ConflictException.Kind.DUPLICATE, "pipeline already exists");
      }
      if (DatabaseErrors.isViolation(e, DatabaseErrors.FOREIGN_KEY_VIOLATION, "pipelines_workspace_fk")) {
        throw new NotFoundException("workspace");
      }
      throw e;
    }
  }
}
