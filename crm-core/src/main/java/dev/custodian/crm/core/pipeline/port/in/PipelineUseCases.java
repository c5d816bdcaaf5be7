package dev.custodian.crm.core.pipeline.port.in;

import java.util.Objects;

/** The pipeline feature's in-ports, handed out together (to an adapter, or to an embedder). */
public record PipelineUseCases(CreatePipelineUseCase create, GetPipelineUseCase get, ListPipelinesUseCase list,
    UpdatePipelineUseCase update, DeletePipelineUseCase delete, AddStageUseCase addStage,
    UpdateStageUseCase updateStage, DeleteStageUseCase deleteStage) {

  public PipelineUseCases {
    Objects.requireNonNull(create, "create");
    Objects.requireNonNull(get, "get");
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(delete, "delete");
    Objects.requireNonNull(addStage, "addStage");
    Objects.requireNonNull(updateStage, "updateStage");
    Objects.requireNonNull(deleteStage, "deleteStage");
  }
}
