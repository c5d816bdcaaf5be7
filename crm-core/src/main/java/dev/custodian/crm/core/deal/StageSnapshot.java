package dev.custodian.crm.core.deal;

import dev.custodian.crm.core.pipeline.Stage;
import dev.custodian.crm.core.pipeline.StageId;
import dev.custodian.crm.core.pipeline.StageKind;
import dev.custodian.crm.core.pipeline.StageName;
import java.util.Objects;

/** A stage as it was when a deal entered or left it: its id, and its name and kind then. */
public record StageSnapshot(StageId id, StageName name, StageKind kind) {

  public StageSnapshot {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }

  public static StageSnapshot of(Stage stage) {
    return new StageSnapshot(stage.id(), stage.name(), stage.kind());
  }
}
