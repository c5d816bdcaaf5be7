package dev.custodian.crm.core.pipeline.service;

import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.pipeline.Pipeline;
import dev.custodian.crm.core.pipeline.PipelineName;
import dev.custodian.crm.core.pipeline.Probability;
import dev.custodian.crm.core.pipeline.StageKind;
import dev.custodian.crm.core.pipeline.StageName;
import dev.custodian.crm.core.pipeline.port.in.CreatePipelineCommand;
import dev.custodian.crm.core.pipeline.port.in.CreatePipelineCommand.NewStage;
import dev.custodian.crm.core.pipeline.port.out.PipelineRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.workspace.WorkspaceInitializer;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Initializer: a new workspace's default pipeline, "Sales": Lead (OPEN, 10 %), Qualified (25),
 * Proposal (50), Negotiation (75), Won (WON), Lost (LOST). Workspaces that existed before
 * pipelines got the same from the migration that added them ({@code V11__pipelines.sql}).
 */
public final class DefaultPipelineInitializer implements WorkspaceInitializer {

  /** The default pipeline's name. */
  public static final String NAME = "Sales";

  /** Its stages, in order. */
  public static final List<NewStage> STAGES = List.of(
      open("Lead", 10), open("Qualified", 25), open("Proposal", 50), open("Negotiation", 75),
      new NewStage(new StageName("Won"), StageKind.WON, Probability.CERTAIN),
      new NewStage(new StageName("Lost"), StageKind.LOST, Probability.NONE));

  private final PipelineRepository pipelines;
  private final IdGenerator ids;
  private final Clock clock;

  public DefaultPipelineInitializer(PipelineRepository pipelines, IdGenerator ids, Clock clock) {
    this.pipelines = Objects.requireNonNull(pipelines, "pipelines");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void initialize(WorkspaceId workspace) {
    CreatePipelineCommand sales = new CreatePipelineCommand(workspace, new PipelineName(NAME), true, STAGES);
    Pipeline pipeline = CreatePipelineService.newPipeline(sales, true, ids, Timestamps.now(clock));
    pipelines.insert(pipeline);
  }

  private static NewStage open(String name, int probability) {
    return new NewStage(new StageName(name), StageKind.OPEN, new Probability(probability));
  }
}
