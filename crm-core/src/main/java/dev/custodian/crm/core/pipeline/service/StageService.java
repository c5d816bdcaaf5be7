package dev.custodian.crm.core.pipeline.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.pipeline.Pipeline;
import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.pipeline.Probability;
import dev.custodian.crm.core.pipeline.Stage;
import dev.custodian.crm.core.pipeline.StageId;
import dev.custodian.crm.core.pipeline.StageKind;
import dev.custodian.crm.core.pipeline.StageName;
import dev.custodian.crm.core.pipeline.port.in.AddStageCommand;
import dev.custodian.crm.core.pipeline.port.in.AddStageUseCase;
import dev.custodian.crm.core.pipeline.port.in.DeleteStageCommand;
import dev.custodian.crm.core.pipeline.port.in.DeleteStageUseCase;
import dev.custodian.crm.core.pipeline.port.in.StageAdded;
import dev.custodian.crm.core.pipeline.port.in.UpdateStageCommand;
import dev.custodian.crm.core.pipeline.port.in.UpdateStageUseCase;
import dev.custodian.crm.core.pipeline.port.out.PipelineRepository;
import dev.custodian.crm.core.pipeline.port.out.StageOccupants;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Service: the stage use cases. A stage change is a change of its pipeline: it is based on the
 * pipeline's version the caller saw, checked when read and again in the write, and moves the
 * pipeline to its next version, so two changes from one version never both apply. What depends on
 * the pipeline (a name another stage has, a position past the end, a WON or LOST stage's fixed
 * probability and place) is reported as bad input naming the field; what the pipeline cannot lose
 * (its WON, LOST and last OPEN stage) is {@code IN_USE}.
 */
public final class StageService implements AddStageUseCase, UpdateStageUseCase, DeleteStageUseCase {

  private final WorkspaceTransactions transactions;
  private final PipelineRepository pipelines;
  private final IdGenerator ids;
  private final Clock clock;
  private final List<StageOccupants> occupants;

  public StageService(WorkspaceTransactions transactions, PipelineRepository pipelines, IdGenerator ids, Clock clock) {
    this(transactions, pipelines, List.of(), ids, clock);
  }

  /** @param occupants every store whose rows stand in stages (the deals), asked before a stage goes */
  public StageService(WorkspaceTransactions transactions, PipelineRepository pipelines,
      List<StageOccupants> occupants, IdGenerator ids, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.pipelines = Objects.requireNonNull(pipelines, "pipelines");
    this.occupants = List.copyOf(occupants);
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public StageAdded add(Actor actor, AddStageCommand command) {
    return transactions.inWorkspace(command.workspace(), actor, Permission.PIPELINE_MANAGE, () -> {
      Pipeline current = current(command.workspace(), command.pipeline(), command.expectedVersion());
      int openCount = current.openStages().size();
      int position = command.position().orElse(openCount + 1);
      Validator v = new Validator();
      if (nameTaken(current, command.name(), null)) {
        v.reject("name", "must be unique in the pipeline, ignoring case: another stage has it");
      }
      if (position > openCount + 1) {
        v.reject("position", "must be from 1 to " + (openCount + 1) + " (a place among the OPEN stages)");
      }
      v.throwIfInvalid();
      if (current.stages().size() >= Pipeline.MAX_STAGES) {
        throw new ConflictException(ConflictException.Kind.LIMIT_REACHED,
            "a pipeline has at most " + Pipeline.MAX_STAGES + " stages; delete one first");
      }
      Stage stage = Stage.unplaced(StageId.of(ids.newId()), command.name(), StageKind.OPEN, command.probability());
      Pipeline changed = saved(current.withStageAdded(stage, position, Timestamps.now(clock)), command.expectedVersion());
      return new StageAdded(changed, changed.stage(stage.id()).orElseThrow());
    });
  }

  @Override
  public Pipeline update(Actor actor, UpdateStageCommand command) {
    return transactions.inWorkspace(command.workspace(), actor, Permission.PIPELINE_MANAGE, () -> {
      Pipeline current = current(command.workspace(), command.pipeline(), command.expectedVersion());
      Stage stage = current.stage(command.stage()).orElseThrow(() -> new NotFoundException("stage"));
      StageName name = valueOr(command.name(), stage.name());
      Probability probability = valueOr(command.probability(), stage.probability());
      int position = valueOr(command.position(), stage.position());
      int openCount = current.openStages().size();
      Validator v = new Validator();
      if (nameTaken(current, name, stage.id())) {
        v.reject("name", "must be unique in the pipeline, ignoring case: another stage has it");
      }
      stage.kind().fixedProbability().filter(fixed -> !fixed.equals(probability)).ifPresent(fixed ->
          v.reject("probability", "must be " + fixed.value() + " for a " + stage.kind() + " stage"));
      if (stage.kind() != StageKind.OPEN && position != stage.position()) {
        v.reject("position", "cannot change for a " + stage.kind() + " stage: it follows the OPEN stages");
      } else if (stage.kind() == StageKind.OPEN && position > openCount) {
        v.reject("position", "must be from 1 to " + openCount + " (a place among the OPEN stages)");
      }
      v.throwIfInvalid();
      if (name.equals(stage.name()) && probability.equals(stage.probability()) && position == stage.position()) {
        return current; // a change that changes nothing: no new version, nothing written
      }
      return saved(current.withStageChanged(stage.id(), name, probability, position, Timestamps.now(clock)),
          command.expectedVersion());
    });
  }

  @Override
  public Pipeline delete(Actor actor, DeleteStageCommand command) {
    return transactions.inWorkspace(command.workspace(), actor, Permission.PIPELINE_MANAGE, () -> {
      Pipeline current = current(command.workspace(), command.pipeline(), command.expectedVersion());
      Stage stage = current.stage(command.stage()).orElseThrow(() -> new NotFoundException("stage"));
      if (stage.kind() != StageKind.OPEN) {
        throw new ConflictException(ConflictException.Kind.IN_USE,
            "the " + stage.kind() + " stage cannot be deleted: a pipeline has exactly one");
      }
      if (current.openStages().size() == 1) {
        throw new ConflictException(ConflictException.Kind.IN_USE,
            "the last OPEN stage cannot be deleted: a pipeline has at least one");
      }
      // A stage that deals stand in is in use too, unless they move to another stage of its pipeline.
      Instant now = Timestamps.now(clock);
      if (command.moveDealsTo().isPresent()) {
        Stage to = current.stage(command.moveDealsTo().get()).filter(s -> !s.id().equals(stage.id()))
            .orElseThrow(() -> ValidationException.of(FieldError.parameter("moveDealsTo",
                "must be another stage of the same pipeline")));
        for (StageOccupants store : occupants) {
          store.moveAll(command.workspace(), stage, to, now, actor.account());
        }
      } else if (occupants.stream().anyMatch(store -> store.anyIn(command.workspace(), stage.id()))) {
        throw new ConflictException(ConflictException.Kind.IN_USE,
            "deals are in this stage; name a stage to move them to with moveDealsTo");
      }
      transactions.audit(command.workspace(), actor, AuditAction.STAGE_DELETED, AuditTargetType.STAGE,
          stage.id().value(), AuditDetails.none().withId(AuditDetails.Key.PIPELINE_ID, command.pipeline().value()));
      return saved(current.withoutStage(stage.id(), now), command.expectedVersion());
    });
  }

  /** The pipeline, if it exists and is still at the version the caller saw. */
  private Pipeline current(WorkspaceId workspace, PipelineId id, long expectedVersion) {
    Pipeline current = pipelines.findById(workspace, id).orElseThrow(() -> new NotFoundException("pipeline"));
    if (current.version() != expectedVersion) {
      throw PreconditionFailedException.stale("pipeline");
    }
    return current;
  }

  private Pipeline saved(Pipeline changed, long expectedVersion) {
    if (!pipelines.update(changed, expectedVersion)) {
      throw PreconditionFailedException.stale("pipeline");
    }
    return changed;
  }

  /** Whether a stage other than {@code except} has {@code name}, ignoring case. */
  private static boolean nameTaken(Pipeline pipeline, StageName name, StageId except) {
    return pipeline.stages().stream()
        .anyMatch(s -> !s.id().equals(except) && s.name().key().equals(name.key()));
  }

  private static <T> T valueOr(PatchValue<T> patch, T current) {
    return patch instanceof PatchValue.Set<T> set ? set.value() : current;
  }
}
