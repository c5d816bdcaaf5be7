package dev.custodian.crm.core.pipeline.port.in;

import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.pipeline.StageId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.OptionalLong;

/** Input of {@link DeleteStageUseCase}: one stage, at the pipeline's version the caller last saw. */
public record DeleteStageCommand(WorkspaceId workspace, PipelineId pipeline, StageId stage, long expectedVersion,
    java.util.Optional<StageId> moveDealsTo) {

  public DeleteStageCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(moveDealsTo, "moveDealsTo");
  }

  /** A delete that moves no deals: refused while deals stand in the stage. */
  public DeleteStageCommand(WorkspaceId workspace, PipelineId pipeline, StageId stage, long expectedVersion) {
    this(workspace, pipeline, stage, expectedVersion, java.util.Optional.empty());
  }

  /**
   * @param moveDealsTo a stage of the same pipeline that the stage's deals move to, each move
   *     recorded; empty: the delete is refused while deals stand in the stage
   * @throws PreconditionFailedException (missing) when no expected version is given
   */
  public static DeleteStageCommand of(WorkspaceId workspace, PipelineId pipeline, StageId stage,
      OptionalLong expectedVersion, java.util.Optional<StageId> moveDealsTo) {
    if (expectedVersion.isEmpty()) {
      throw PreconditionFailedException.missing("pipeline");
    }
    return new DeleteStageCommand(workspace, pipeline, stage, expectedVersion.getAsLong(), moveDealsTo);
  }

  /** @throws PreconditionFailedException (missing) when no expected version is given */
  public static DeleteStageCommand of(WorkspaceId workspace, PipelineId pipeline, StageId stage,
      OptionalLong expectedVersion) {
    if (expectedVersion.isEmpty()) {
      throw PreconditionFailedException.missing("pipeline");
    }
    return new DeleteStageCommand(workspace, pipeline, stage, expectedVersion.getAsLong());
  }
}
