package dev.custodian.crm.core.pipeline.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.pipeline.Pipeline;
import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.pipeline.Stage;
import dev.custodian.crm.core.pipeline.StageId;
import dev.custodian.crm.core.pipeline.port.in.CreatePipelineCommand;
import dev.custodian.crm.core.pipeline.port.in.CreatePipelineUseCase;
import dev.custodian.crm.core.pipeline.port.out.PipelineRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Service: adds a pipeline, up to {@value Pipeline#MAX_PER_WORKSPACE} per workspace. One that
 * becomes the default (asked to, or the workspace's first) takes the place of the old default in
 * the same transaction.
 */
public final class CreatePipelineService implements CreatePipelineUseCase {

  private final WorkspaceTransactions transactions;
  private final PipelineRepository pipelines;
  private final IdGenerator ids;
  private final Clock clock;

  public CreatePipelineService(WorkspaceTransactions transactions, PipelineRepository pipelines, IdGenerator ids,
      Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.pipelines = Objects.requireNonNull(pipelines, "pipelines");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Pipeline create(Actor actor, CreatePipelineCommand command) {
    return transactions.inWorkspace(command.workspace(), actor, Permission.PIPELINE_MANAGE, () -> {
      Instant now = Timestamps.now(clock);
      if (command.isDefault()) {
        pipelines.clearDefault(command.workspace(), now);
      }
      Pipeline pipeline = newPipeline(command, command.isDefault(), ids, now);
      // Insert, then count: the insert takes the workspace's count lock, so the count includes every
      // creation committed meanwhile and two cannot both pass the limit; over it, all rolls back.
      pipelines.insert(pipeline);
      int count = pipelines.count(command.workspace());
      if (count > Pipeline.MAX_PER_WORKSPACE) {
        throw new ConflictException(ConflictException.Kind.LIMIT_REACHED,
            "a workspace has at most " + Pipeline.MAX_PER_WORKSPACE + " pipelines; delete one first");
      }
      if (count == 1 && !pipeline.isDefault()) {
        Pipeline first = pipeline.changed(pipeline.name(), true, now); // a workspace's only pipeline is its default
        pipelines.update(first, pipeline.version());
        return first;
      }
      return pipeline;
    });
  }

  /** The pipeline a command describes, with new ids. */
  static Pipeline newPipeline(CreatePipelineCommand command, boolean isDefault, IdGenerator ids, Instant now) {
    List<Stage> stages = command.stages().stream()
        .map(s -> Stage.unplaced(StageId.of(ids.newId()), s.name(), s.kind(), s.probability()))
        .toList();
    return Pipeline.create(command.workspace(), PipelineId.of(ids.newId()), command.name(), isDefault, stages, now);
  }
}
