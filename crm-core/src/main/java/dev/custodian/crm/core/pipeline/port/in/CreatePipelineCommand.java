package dev.custodian.crm.core.pipeline.port.in;

import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.pipeline.Pipeline;
import dev.custodian.crm.core.pipeline.PipelineName;
import dev.custodian.crm.core.pipeline.Probability;
import dev.custodian.crm.core.pipeline.StageKind;
import dev.custodian.crm.core.pipeline.StageName;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Input of {@link CreatePipelineUseCase}: a valid pipeline for one workspace, with its stages.
 *
 * @param isDefault whether it becomes the workspace's default (the old one then no longer is)
 * @param stages in the order wanted for the OPEN ones; WON and LOST go after them
 */
public record CreatePipelineCommand(WorkspaceId workspace, PipelineName name, boolean isDefault,
    List<NewStage> stages) {

  /** One stage of a new pipeline. */
  public record NewStage(StageName name, StageKind kind, Probability probability) {
    public NewStage {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(probability, "probability");
    }
  }

  /**
   * One stage as given, before validation.
   *
   * @param kind {@code open}, {@code won} or {@code lost} in any case
   * @param probability required for an OPEN stage; for WON absent or 100, for LOST absent or 0
   */
  public record RawStage(String name, String kind, Integer probability) {}

  public CreatePipelineCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(name, "name");
    stages = List.copyOf(stages);
    long open = stages.stream().filter(s -> s.kind() == StageKind.OPEN).count();
    long won = stages.stream().filter(s -> s.kind() == StageKind.WON).count();
    long lost = stages.stream().filter(s -> s.kind() == StageKind.LOST).count();
    if (open < 1 || won != 1 || lost != 1 || stages.size() > Pipeline.MAX_STAGES) {
      throw new IllegalArgumentException("at least one OPEN stage, exactly one WON and one LOST, at most "
          + Pipeline.MAX_STAGES);
    }
  }

  /**
   * Validates raw input, reporting every bad field at once.
   *
   * @param isDefault {@code null} for false
   * @throws dev.custodian.crm.core.common.error.ValidationException listing every bad field
   */
  public static CreatePipelineCommand of(WorkspaceId workspace, String name, Boolean isDefault, List<RawStage> stages) {
    Validator v = new Validator();
    CreatePipelineCommand command = of(v, workspace, name, isDefault, stages);
    v.throwIfInvalid();
    return command;
  }

  /**
   * Validates raw input into {@code v}; {@code null} when {@code v} holds any error. A stage's
   * errors are named by its index ({@code stages/2/probability}); the rules of the whole list
   * (at least one OPEN, exactly one WON and one LOST, at most 30) are named {@code stages}.
   */
  public static CreatePipelineCommand of(Validator v, WorkspaceId workspace, String name, Boolean isDefault,
      List<RawStage> stages) {
    PipelineName validName = v.required("name", name, PipelineName::new);
    if (stages == null) {
      v.required("stages", null, s -> s);
      return null;
    }
    List<NewStage> valid = new ArrayList<>();
    Map<StageKind, Integer> kinds = new EnumMap<>(StageKind.class);
    Map<String, Integer> names = new HashMap<>();
    boolean everyKindKnown = true;
    for (int i = 0; i < stages.size(); i++) {
      RawStage raw = stages.get(i);
      if (raw == null) {
        v.reject(FieldError.path("stages", i), "must be a stage, not null");
        everyKindKnown = false;
        continue;
      }
      StageName stageName = v.required(FieldError.path("stages", i, "name"), raw.name(), StageName::new);
      StageKind kind = v.required(FieldError.path("stages", i, "kind"), raw.kind(), StageKind::parse);
      Probability probability =
          StageRules.probability(v, FieldError.path("stages", i, "probability"), kind, raw.probability());
      if (stageName != null) {
        Integer first = names.putIfAbsent(stageName.key(), i);
        if (first != null) {
          v.reject(FieldError.path("stages", i, "name"),
              "must be unique in the pipeline, ignoring case (stage " + first + " has it)");
        }
      }
      if (kind == null) {
        everyKindKnown = false;
      } else {
        kinds.merge(kind, 1, Integer::sum);
      }
      if (stageName != null && kind != null && probability != null) {
        valid.add(new NewStage(stageName, kind, probability));
      }
    }
    if (stages.size() > Pipeline.MAX_STAGES) {
      v.reject("stages", "must have at most " + Pipeline.MAX_STAGES + " stages");
    }
    if (everyKindKnown) {
      if (kinds.getOrDefault(StageKind.OPEN, 0) < 1) {
        v.reject("stages", "must have at least one OPEN stage");
      }
      for (StageKind closing : List.of(StageKind.WON, StageKind.LOST)) {
        int count = kinds.getOrDefault(closing, 0);
        if (count != 1) {
          v.reject("stages", "must have exactly one " + closing + " stage (it has " + count + ")");
        }
      }
    }
    return v.hasErrors() ? null
        : new CreatePipelineCommand(workspace, validName, Boolean.TRUE.equals(isDefault), valid);
  }
}
