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
      int existing = pipelines.count(command.workspace());
      if (existing >= Pipeline.MAX_PER_WORKSPACE) {
        throw new ConflictException(ConflictException.Kind.LIMIT_REACHED,
            "a workspace has at most " + Pipeline.MAX_PER_WORKSPACE + " pipelines; delete one first");
      }
      Instant now = Timestamps.now(clock);
      if (command.isDefault() && existing > 0) {
        pipelines.clearDefault(command.workspace(), now);
      }
      Pipeline pipeline = newPipeline(command, command.isDefault() || existing == 0, ids, now);
      pipelines.insert(pipeline);
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
