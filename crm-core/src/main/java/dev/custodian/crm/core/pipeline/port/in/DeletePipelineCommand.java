package dev.custodian.crm.core.pipeline.port.in;

import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.OptionalLong;

/** Input of {@link DeletePipelineUseCase}: the pipeline, at the version the caller last saw. */
public record DeletePipelineCommand(WorkspaceId workspace, PipelineId id, long expectedVersion) {

  public DeletePipelineCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(id, "id");
  }

  /** @throws PreconditionFailedException (missing) when no expected version is given */
  public static DeletePipelineCommand of(WorkspaceId workspace, PipelineId id, OptionalLong expectedVersion) {
    if (expectedVersion.isEmpty()) {
      throw PreconditionFailedException.missing("pipeline");
    }
    return new DeletePipelineCommand(workspace, id, expectedVersion.getAsLong());
  }
}
