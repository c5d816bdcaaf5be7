package dev.custodian.crm.core.pipeline;

import java.util.Objects;

/**
 * One step of a pipeline. Its {@code position} (from 1) is its place in the pipeline's order: the
 * OPEN stages first, in the order the pipeline keeps, then the WON stage, then the LOST one.
 */
public record Stage(StageId id, StageName name, StageKind kind, Probability probability, int position) {

  public Stage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(probability, "probability");
    if (kind.fixedProbability().filter(fixed -> !fixed.equals(probability)).isPresent()) {
      throw new IllegalArgumentException("a " + kind + " stage's probability is " + kind.fixedProbability().get().value());
    }
    if (position < 1) {
      throw new IllegalArgumentException("positions start at 1");
    }
  }

  /** A stage whose position the pipeline gives it. */
  public static Stage unplaced(StageId id, StageName name, StageKind kind, Probability probability) {
    return new Stage(id, name, kind, probability, 1);
  }

  /** This stage at {@code position}. */
  public Stage at(int position) {
    return new Stage(id, name, kind, probability, position);
  }

  /** This stage with another name and probability; its kind never changes. */
  public Stage changed(StageName name, Probability probability) {
    return new Stage(id, name, kind, probability, position);
  }
}
