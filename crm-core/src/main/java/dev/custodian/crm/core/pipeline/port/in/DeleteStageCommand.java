package dev.custodian.crm.core.pipeline.port.in;

import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.pipeline.StageId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.OptionalLong;

/** Input of {@link DeleteStageUseCase}: one stage, at the pipeline's version the caller last saw. */
public record DeleteStageCommand(WorkspaceId workspace, PipelineId pipeline, StageId stage, long expectedVersion) {

  public DeleteStageCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(stage, "stage");
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
