package dev.custodian.crm.core.pipeline.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.pipeline.Pipeline;
import dev.custodian.crm.core.pipeline.PipelineName;
import dev.custodian.crm.core.pipeline.port.in.UpdatePipelineCommand;
import dev.custodian.crm.core.pipeline.port.in.UpdatePipelineUseCase;
import dev.custodian.crm.core.pipeline.port.out.PipelineRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Service: renames a pipeline or makes it the default, with optimistic locking. A new default
 * takes the old one's place in the same transaction (the old default's version moves on too); the
 * default stops being one only when another becomes it, so a workspace always has one.
 */
public final class UpdatePipelineService implements UpdatePipelineUseCase {

  private final WorkspaceTransactions transactions;
  private final PipelineRepository pipelines;
  private final Clock clock;

  public UpdatePipelineService(WorkspaceTransactions transactions, PipelineRepository pipelines, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.pipelines = Objects.requireNonNull(pipelines, "pipelines");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Pipeline update(Actor actor, UpdatePipelineCommand command) {
    return transactions.inWorkspace(command.workspace(), actor, Permission.PIPELINE_MANAGE, () -> {
      Pipeline current = pipelines.findById(command.workspace(), command.id())
          .orElseThrow(() -> new NotFoundException("pipeline"));
      if (current.version() != command.expectedVersion()) {
        throw PreconditionFailedException.stale("pipeline");
      }
      PipelineName name = valueOr(command.name(), current.name());
      boolean isDefault = valueOr(command.isDefault(), current.isDefault());
      if (current.isDefault() && !isDefault) {
        throw ValidationException.of(FieldError.field("isDefault",
            "cannot be false on the default pipeline: make another pipeline the default instead"));
      }
      if (name.equals(current.name()) && isDefault == current.isDefault()) {
        return current; // a change that changes nothing: no new version, nothing written
      }
      Instant now = Timestamps.now(clock);
      if (isDefault && !current.isDefault()) {
        pipelines.clearDefault(command.workspace(), now);
      }
      Pipeline changed = current.changed(name, isDefault, now);
      if (!pipelines.update(changed, command.expectedVersion())) {
        throw PreconditionFailedException.stale("pipeline");
      }
      return changed;
    });
  }

  private static <T> T valueOr(PatchValue<T> patch, T current) {
    return patch instanceof PatchValue.Set<T> set ? set.value() : current;
  }
}
