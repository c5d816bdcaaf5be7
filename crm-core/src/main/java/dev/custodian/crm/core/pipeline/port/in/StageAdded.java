package dev.custodian.crm.core.pipeline.port.in;

import dev.custodian.crm.core.pipeline.Pipeline;
import dev.custodian.crm.core.pipeline.Stage;
import java.util.Objects;

/** What {@link AddStageUseCase} answers: the pipeline as stored after the change, and the new stage in it. */
public record StageAdded(Pipeline pipeline, Stage stage) {

  public StageAdded {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(stage, "stage");
    if (!pipeline.stages().contains(stage)) {
      throw new IllegalArgumentException("the stage is one of the pipeline's");
    }
  }
}
