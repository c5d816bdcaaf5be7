package dev.custodian.crm.core.pipeline.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.pipeline.Pipeline;
import dev.custodian.crm.core.pipeline.port.in.DeletePipelineCommand;
import dev.custodian.crm.core.pipeline.port.in.DeletePipelineUseCase;
import dev.custodian.crm.core.pipeline.port.out.PipelineRepository;
import java.util.Objects;

/** Service: deletes a pipeline with its stages, unless the workspace depends on it (its default, its last one). */
public final class DeletePipelineService implements DeletePipelineUseCase {

  private final WorkspaceTransactions transactions;
  private final PipelineRepository pipelines;

  public DeletePipelineService(WorkspaceTransactions transactions, PipelineRepository pipelines) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.pipelines = Objects.requireNonNull(pipelines, "pipelines");
  }

  @Override
  public void delete(Actor actor, DeletePipelineCommand command) {
    transactions.inWorkspace(command.workspace(), actor, Permission.PIPELINE_MANAGE, () -> {
      Pipeline current = pipelines.findById(command.workspace(), command.id())
          .orElseThrow(() -> new NotFoundException("pipeline"));
      if (current.version() != command.expectedVersion()) {
        throw PreconditionFailedException.stale("pipeline");
      }
      if (current.isDefault()) {
        throw new ConflictException(ConflictException.Kind.IN_USE,
            "the default pipeline cannot be deleted: make another pipeline the default first");
      }
      if (pipelines.count(command.workspace()) <= 1) {
        throw new ConflictException(ConflictException.Kind.IN_USE, "the workspace's last pipeline cannot be deleted");
      }
      // Deals (next step): a pipeline with deals is in use too.
      if (!pipelines.delete(command.workspace(), command.id(), command.expectedVersion())) {
        throw PreconditionFailedException.stale("pipeline");
      }
      transactions.audit(command.workspace(), actor, AuditAction.PIPELINE_DELETED, AuditTargetType.PIPELINE,
          command.id().value(), AuditDetails.none());
      return null;
    });
  }
}
