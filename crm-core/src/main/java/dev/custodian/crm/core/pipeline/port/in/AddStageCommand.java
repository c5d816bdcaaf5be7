package dev.custodian.crm.core.pipeline.port.in;

import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.pipeline.Probability;
import dev.custodian.crm.core.pipeline.StageKind;
import dev.custodian.crm.core.pipeline.StageName;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Input of {@link AddStageUseCase}: a new OPEN stage of a pipeline (a pipeline has exactly one WON
 * and one LOST stage already), based on the pipeline's version the caller last saw.
 *
 * @param position its place among the OPEN stages, from 1; empty for after the last one
 */
public record AddStageCommand(WorkspaceId workspace, PipelineId pipeline, long expectedVersion, StageName name,
    Probability probability, OptionalInt position) {

  public AddStageCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(probability, "probability");
    Objects.requireNonNull(position, "position");
  }

  /**
   * Validates raw input, reporting every bad field at once.
   *
   * @throws PreconditionFailedException (missing) when no expected version is given
   * @throws dev.custodian.crm.core.common.error.ValidationException listing every bad field
   */
  public static AddStageCommand of(WorkspaceId workspace, PipelineId pipeline, OptionalLong expectedVersion,
      String name, String kind, Integer probability, Integer position) {
    Validator v = new Validator();
    AddStageCommand command = of(v, workspace, pipeline, expectedVersion, name, kind, probability, position);
    v.throwIfInvalid();
    return command;
  }

  /**
   * Validates raw input into {@code v}; {@code null} when {@code v} holds any error. Bad input is
   * reported before a missing version.
   *
   * @param kind {@code null} or {@code open} (any case); {@code won} and {@code lost} are refused
   * @param probability required, 0 to 100
   * @param position {@code null} for after the last OPEN stage
   * @throws PreconditionFailedException (missing) when the input is valid but no expected version is given
   */
  public static AddStageCommand of(Validator v, WorkspaceId workspace, PipelineId pipeline,
      OptionalLong expectedVersion, String name, String kind, Integer probability, Integer position) {
    StageName validName = v.required("name", name, StageName::new);
    v.optional("kind", kind, raw -> {
      StageKind parsed = StageKind.parse(raw);
      if (parsed != StageKind.OPEN) {
        throw new InvalidValueException("must be open: a pipeline has exactly one WON and one LOST stage already");
      }
      return parsed;
    });
    Probability validProbability = v.required("probability", probability, Probability::new);
    OptionalInt validPosition = v.optional("position", position, AddStageCommand::position)
        .map(OptionalInt::of).orElse(OptionalInt.empty());
    if (v.hasErrors()) {
      return null;
    }
    if (expectedVersion.isEmpty()) {
      throw PreconditionFailedException.missing("pipeline");
    }
    return new AddStageCommand(workspace, pipeline, expectedVersion.getAsLong(), validName, validProbability,
        validPosition);
  }

  /** A position as given: from 1 (its upper bound is the pipeline's to say). */
  static int position(int position) {
    if (position < 1) {
      throw new InvalidValueException("must be 1 or more");
    }
    return position;
  }
}
