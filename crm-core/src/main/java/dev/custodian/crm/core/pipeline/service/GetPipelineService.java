package dev.custodian.crm.core.pipeline.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.pipeline.Pipeline;
import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.pipeline.port.in.GetPipelineUseCase;
import dev.custodian.crm.core.pipeline.port.out.PipelineRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;

/** Service: reads one pipeline with its stages. */
public final class GetPipelineService implements GetPipelineUseCase {

  private final WorkspaceTransactions transactions;
  private final PipelineRepository pipelines;

  public GetPipelineService(WorkspaceTransactions transactions, PipelineRepository pipelines) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.pipelines = Objects.requireNonNull(pipelines, "pipelines");
  }

  @Override
  public Pipeline get(Actor actor, WorkspaceId workspace, PipelineId id) {
    return transactions.inWorkspace(workspace, actor, Permission.PIPELINE_READ,
        () -> pipelines.findById(workspace, id).orElseThrow(() -> new NotFoundException("pipeline")));
  }
}
