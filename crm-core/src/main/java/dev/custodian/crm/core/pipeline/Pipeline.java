package dev.custodian.crm.core.pipeline;

import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Aggregate: one of a workspace's sales processes, an ordered list of {@link Stage}s. Tenant-owned,
 * no personal data. Its stages are always in order: the OPEN stages in the order the pipeline
 * keeps, then the one WON stage, then the one LOST stage, at positions 1, 2, ... without gaps; at
 * least one OPEN, at most {@value #MAX_STAGES} in all, names unique ignoring case. A stage change is
 * a change of its pipeline: it makes a new instance at the next {@link #version()}, which
 * optimistic locking compares. One pipeline of a workspace is its default.
 */
public final class Pipeline {

  /** Most stages a pipeline has. */
  public static final int MAX_STAGES = 30;
  /** Most pipelines a workspace has. */
  public static final int MAX_PER_WORKSPACE = 50;

  private final WorkspaceId workspace;
  private final PipelineId id;
  private final PipelineName name;
  private final boolean isDefault;
  private final List<Stage> stages;
  private final Instant createdAt;
  private final Instant updatedAt;
  private final long version;

  private Pipeline(WorkspaceId workspace, PipelineId id, PipelineName name, boolean isDefault, List<Stage> stages,
      Instant createdAt, Instant updatedAt, long version) {
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.id = Objects.requireNonNull(id, "id");
    this.name = Objects.requireNonNull(name, "name");
    this.isDefault = isDefault;
    this.stages = List.copyOf(stages);
    this.createdAt = Timestamps.micros(Objects.requireNonNull(createdAt, "createdAt"));
    this.updatedAt = Timestamps.micros(Objects.requireNonNull(updatedAt, "updatedAt"));
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1");
    }
    this.version = version;
    requireWellFormed(this.stages);
  }

  /**
   * A new pipeline at version 1.
   *
   * @param stages in the order wanted for the OPEN ones; the WON and LOST stages may be anywhere,
   *     they go after the OPEN ones; positions are given here
   */
  public static Pipeline create(WorkspaceId workspace, PipelineId id, PipelineName name, boolean isDefault,
      List<Stage> stages, Instant now) {
    return new Pipeline(workspace, id, name, isDefault, arranged(stages), now, now, 1);
  }

  /** Rebuilds a stored pipeline, its stages by position; for persistence adapters only. */
  public static Pipeline reconstitute(WorkspaceId workspace, PipelineId id, PipelineName name, boolean isDefault,
      List<Stage> stages, Instant createdAt, Instant updatedAt, long version) {
    List<Stage> byPosition = new ArrayList<>(stages);
    byPosition.sort(java.util.Comparator.comparingInt(Stage::position));
    return new Pipeline(workspace, id, name, isDefault, byPosition, createdAt, updatedAt, version);
  }

  /** This pipeline with another name and default flag, at the next version. */
  public Pipeline changed(PipelineName name, boolean isDefault, Instant now) {
    return new Pipeline(workspace, id, name, isDefault, stages, createdAt, now, version + 1);
  }

  /**
   * This pipeline with an OPEN stage more, at {@code openPosition} among the OPEN stages (1 to
   * their count + 1), at the next version.
   */
  public Pipeline withStageAdded(Stage stage, int openPosition, Instant now) {
    if (stage.kind() != StageKind.OPEN) {
      throw new IllegalArgumentException("a pipeline has exactly one WON and one LOST stage: only OPEN ones are added");
    }
    List<Stage> open = new ArrayList<>(openStages());
    if (openPosition < 1 || openPosition > open.size() + 1) {
      throw new IllegalArgumentException("an OPEN stage goes at 1 to " + (open.size() + 1));
    }
    open.add(openPosition - 1, stage);
    return withStages(open, now);
  }

  /**
   * This pipeline with one stage renamed, re-weighted or, if OPEN, moved to {@code openPosition}
   * among the OPEN stages, at the next version.
   */
  public Pipeline withStageChanged(StageId stageId, StageName name, Probability probability, int openPosition,
      Instant now) {
    Stage current = stage(stageId).orElseThrow(() -> new IllegalArgumentException("no such stage"));
    Stage changed = current.changed(name, probability);
    if (current.kind() != StageKind.OPEN) {
      List<Stage> all = new ArrayList<>(stages);
      all.set(all.indexOf(current), changed);
      return new Pipeline(workspace, id, this.name, isDefault, all, createdAt, now, version + 1);
    }
    List<Stage> open = new ArrayList<>(openStages());
    if (openPosition < 1 || openPosition > open.size()) {
      throw new IllegalArgumentException("an OPEN stage stays at 1 to " + open.size());
    }
    open.remove(current);
    open.add(openPosition - 1, changed);
    return withStages(open, now);
  }

  /** This pipeline without the stage, at the next version; the stages after it move up. */
  public Pipeline withoutStage(StageId stageId, Instant now) {
    Stage gone = stage(stageId).orElseThrow(() -> new IllegalArgumentException("no such stage"));
    if (gone.kind() != StageKind.OPEN) {
      throw new IllegalArgumentException("the WON and LOST stages stay");
    }
    List<Stage> open = new ArrayList<>(openStages());
    open.remove(gone);
    return withStages(open, now);
  }

  private Pipeline withStages(List<Stage> open, Instant now) {
    List<Stage> all = new ArrayList<>(open);
    all.add(wonStage());
    all.add(lostStage());
    return new Pipeline(workspace, id, name, isDefault, numbered(all), createdAt, now, version + 1);
  }

  /** The OPEN stages in their order, then WON, then LOST, numbered from 1. */
  private static List<Stage> arranged(List<Stage> stages) {
    List<Stage> all = new ArrayList<>();
    for (StageKind kind : StageKind.values()) {
      stages.stream().filter(s -> s.kind() == kind).forEach(all::add);
    }
    return numbered(all);
  }

  private static List<Stage> numbered(List<Stage> stages) {
    List<Stage> numbered = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      numbered.add(stages.get(i).at(i + 1));
    }
    return numbered;
  }

  /** The last guard of the stage rules; a command's validation reports them to a caller first. */
  private static void requireWellFormed(List<Stage> stages) {
    if (stages.size() > MAX_STAGES) {
      throw new IllegalArgumentException("a pipeline has at most " + MAX_STAGES + " stages");
    }
    long open = stages.stream().filter(s -> s.kind() == StageKind.OPEN).count();
    if (open < 1 || stages.size() != open + 2) {
      throw new IllegalArgumentException("a pipeline has at least one OPEN stage and exactly one WON and one LOST");
    }
    Set<String> names = new HashSet<>();
    Set<StageId> ids = new HashSet<>();
    for (int i = 0; i < stages.size(); i++) {
      Stage stage = stages.get(i);
      StageKind expected = i < open ? StageKind.OPEN : i == open ? StageKind.WON : StageKind.LOST;
      if (stage.kind() != expected || stage.position() != i + 1) {
        throw new IllegalArgumentException("stages are the OPEN ones, then WON, then LOST, at positions 1, 2, ...");
      }
      if (!names.add(stage.name().key()) || !ids.add(stage.id())) {
        throw new IllegalArgumentException("stage names and ids are unique in a pipeline");
      }
    }
  }

  public WorkspaceId workspace() {
    return workspace;
  }

  public PipelineId id() {
    return id;
  }

  public PipelineName name() {
    return name;
  }

  /** Whether this is the workspace's default pipeline (exactly one is). */
  public boolean isDefault() {
    return isDefault;
  }

  /** Every stage, by position. */
  public List<Stage> stages() {
    return stages;
  }

  /** The OPEN stages, by position. */
  public List<Stage> openStages() {
    return stages.stream().filter(s -> s.kind() == StageKind.OPEN).toList();
  }

  public Stage wonStage() {
    return stages.get(stages.size() - 2);
  }

  public Stage lostStage() {
    return stages.get(stages.size() - 1);
  }

  public Optional<Stage> stage(StageId stageId) {
    return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Pipeline other
        && workspace.equals(other.workspace)
        && id.equals(other.id)
        && name.equals(other.name)
        && isDefault == other.isDefault
        && stages.equals(other.stages)
        && createdAt.equals(other.createdAt)
        && updatedAt.equals(other.updatedAt)
        && version == other.version;
  }

  @Override
  public int hashCode() {
    return Objects.hash(workspace, id);
  }

  @Override
  public String toString() {
    return "Pipeline[" + workspace + "/" + id + " v" + version + ", " + stages.size() + " stages]";
  }
}
