package dev.custodian.crm.core.pipeline.service;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.pipeline.port.in.PipelineUseCases;
import dev.custodian.crm.core.pipeline.port.out.PipelineRepository;
import dev.custodian.crm.core.pipeline.port.out.StageOccupants;
import dev.custodian.crm.core.workspace.WorkspaceInitializer;
import java.time.Clock;
import java.util.List;

/** Factory: the pipeline use cases over their out-ports, and the initializer of a new workspace's default pipeline. */
public final class PipelineServices {

  private PipelineServices() {}

  public static PipelineUseCases create(WorkspaceTransactions transactions, PipelineRepository pipelines,
      IdGenerator ids, Clock clock) {
    return create(transactions, pipelines, List.of(), ids, clock);
  }

  /**
   * @param occupants every store whose rows stand in stages (the deals): a stage they stand in is
   *     deleted only when they move on
   */
  public static PipelineUseCases create(WorkspaceTransactions transactions, PipelineRepository pipelines,
      List<StageOccupants> occupants, IdGenerator ids, Clock clock) {
    StageService stages = new StageService(transactions, pipelines, occupants, ids, clock);
    return new PipelineUseCases(
        new CreatePipelineService(transactions, pipelines, ids, clock),
        new GetPipelineService(transactions, pipelines),
        (actor, workspace) -> transactions.inWorkspace(workspace, actor, Permission.PIPELINE_READ,
            () -> pipelines.list(workspace)), // listed whole: a workspace has at most 50
        new UpdatePipelineService(transactions, pipelines, clock),
        new DeletePipelineService(transactions, pipelines),
        stages, stages, stages);
  }

  /** What every new workspace starts with: the default pipeline "Sales" (see {@link DefaultPipelineInitializer}). */
  public static WorkspaceInitializer defaultPipeline(PipelineRepository pipelines, IdGenerator ids, Clock clock) {
    return new DefaultPipelineInitializer(pipelines, ids, clock);
  }
}
