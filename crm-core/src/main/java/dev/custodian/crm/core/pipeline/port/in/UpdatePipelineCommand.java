package dev.custodian.crm.core.pipeline.port.in;

import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.pipeline.PipelineName;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Input of {@link UpdatePipelineUseCase}: a partial change of a pipeline's name or default flag,
 * based on the version the caller last saw. Neither can be cleared; making a pipeline the default
 * makes the old default no longer one.
 */
public record UpdatePipelineCommand(WorkspaceId workspace, PipelineId id, long expectedVersion,
    PatchValue<PipelineName> name, PatchValue<Boolean> isDefault) {

  public UpdatePipelineCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(isDefault, "isDefault");
    if (name instanceof PatchValue.Clear || isDefault instanceof PatchValue.Clear) {
      throw new IllegalArgumentException("a pipeline's name and default flag cannot be cleared");
    }
  }

  /**
   * Validates a raw patch, reporting every bad field at once.
   *
   * @throws PreconditionFailedException (missing) when no expected version is given
   * @throws dev.custodian.crm.core.common.error.ValidationException listing every bad field
   */
  public static UpdatePipelineCommand of(WorkspaceId workspace, PipelineId id, OptionalLong expectedVersion,
      PatchValue<String> name, PatchValue<Boolean> isDefault) {
    Validator v = new Validator();
    UpdatePipelineCommand command = of(v, workspace, id, expectedVersion, name, isDefault);
    v.throwIfInvalid();
    return command;
  }

  /**
   * Validates a raw patch into {@code v}; {@code null} when {@code v} holds any error. Bad input is
   * reported before a missing version.
   *
   * @throws PreconditionFailedException (missing) when the input is valid but no expected version is given
   */
  public static UpdatePipelineCommand of(Validator v, WorkspaceId workspace, PipelineId id,
      OptionalLong expectedVersion, PatchValue<String> name, PatchValue<Boolean> isDefault) {
    PatchValue<PipelineName> validName = v.patch("name", name, false, PipelineName::new);
    PatchValue<Boolean> validDefault = v.patch("isDefault", isDefault, false, b -> b);
    if (v.hasErrors()) {
      return null;
    }
    if (expectedVersion.isEmpty()) {
      throw PreconditionFailedException.missing("pipeline");
    }
    return new UpdatePipelineCommand(workspace, id, expectedVersion.getAsLong(), validName, validDefault);
  }
}
