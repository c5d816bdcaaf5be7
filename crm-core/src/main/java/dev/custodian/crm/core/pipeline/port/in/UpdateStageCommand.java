package dev.custodian.crm.core.pipeline.port.in;

import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.pipeline.Probability;
import dev.custodian.crm.core.pipeline.StageId;
import dev.custodian.crm.core.pipeline.StageName;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Input of {@link UpdateStageUseCase}: a partial change of one stage (its name, probability or
 * place among the OPEN stages; never its kind), based on the pipeline's version the caller last
 * saw. None can be cleared.
 */
public record UpdateStageCommand(WorkspaceId workspace, PipelineId pipeline, StageId stage, long expectedVersion,
    PatchValue<StageName> name, PatchValue<Probability> probability, PatchValue<Integer> position) {

  public UpdateStageCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(probability, "probability");
    Objects.requireNonNull(position, "position");
    if (name instanceof PatchValue.Clear || probability instanceof PatchValue.Clear
        || position instanceof PatchValue.Clear) {
      throw new IllegalArgumentException("a stage's fields cannot be cleared");
    }
  }

  /**
   * Validates a raw patch, reporting every bad field at once.
   *
   * @throws PreconditionFailedException (missing) when no expected version is given
   * @throws dev.custodian.crm.core.common.error.ValidationException listing every bad field
   */
  public static UpdateStageCommand of(WorkspaceId workspace, PipelineId pipeline, StageId stage,
      OptionalLong expectedVersion, PatchValue<String> name, PatchValue<Integer> probability,
      PatchValue<Integer> position) {
    Validator v = new Validator();
    UpdateStageCommand command = of(v, workspace, pipeline, stage, expectedVersion, name, probability, position);
    v.throwIfInvalid();
    return command;
  }

  /**
   * Validates a raw patch into {@code v}; {@code null} when {@code v} holds any error. Bad input is
   * reported before a missing version; what depends on the stage (a WON stage's probability, the
   * upper bound of a position, a name another stage has) is the use case's to check.
   *
   * @throws PreconditionFailedException (missing) when the input is valid but no expected version is given
   */
  public static UpdateStageCommand of(Validator v, WorkspaceId workspace, PipelineId pipeline, StageId stage,
      OptionalLong expectedVersion, PatchValue<String> name, PatchValue<Integer> probability,
      PatchValue<Integer> position) {
    PatchValue<StageName> validName = v.patch("name", name, false, StageName::new);
    PatchValue<Probability> validProbability = v.patch("probability", probability, false, Probability::new);
    PatchValue<Integer> validPosition = v.patch("position", position, false, AddStageCommand::position);
    if (v.hasErrors()) {
      return null;
    }
    if (expectedVersion.isEmpty()) {
      throw PreconditionFailedException.missing("pipeline");
    }
    return new UpdateStageCommand(workspace, pipeline, stage, expectedVersion.getAsLong(), validName,
        validProbability, validPosition);
  }
}
