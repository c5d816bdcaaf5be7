package dev.custodian.crm.core.pipeline;

import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Test data for pipelines: unique names by default. */
public final class PipelineFixtures {

  private PipelineFixtures() {}

  /** A pipeline that is not the default: two OPEN stages, WON and LOST. */
  public static Pipeline aPipeline(WorkspaceId workspace) {
    return aPipeline(workspace, "Pipeline " + UUID.randomUUID(), false);
  }

  public static Pipeline aPipeline(WorkspaceId workspace, String name, boolean isDefault) {
    return aPipeline(workspace, name, isDefault, Instant.parse("2026-05-06T07:08:09.123456789Z"), UUID.randomUUID());
  }

  public static Pipeline aPipeline(WorkspaceId workspace, String name, boolean isDefault, Instant createdAt, UUID id) {
    return Pipeline.create(workspace, PipelineId.of(id), new PipelineName(name), isDefault,
        stages("Lead", "Proposal"), createdAt);
  }

  /** OPEN stages of these names (10, 20, ... percent, at most 100), then Won and Lost. */
  public static List<Stage> stages(String... openNames) {
    List<Stage> stages = new ArrayList<>();
    for (int i = 0; i < openNames.length; i++) {
      stages.add(open(openNames[i], Math.min(100, 10 * (i + 1))));
    }
    stages.add(Stage.unplaced(StageId.of(UUID.randomUUID()), new StageName("Won"), StageKind.WON, Probability.CERTAIN));
    stages.add(Stage.unplaced(StageId.of(UUID.randomUUID()), new StageName("Lost"), StageKind.LOST, Probability.NONE));
    return stages;
  }

  public static Stage open(String name, int probability) {
    return Stage.unplaced(StageId.of(UUID.randomUUID()), new StageName(name), StageKind.OPEN, new Probability(probability));
  }
}
