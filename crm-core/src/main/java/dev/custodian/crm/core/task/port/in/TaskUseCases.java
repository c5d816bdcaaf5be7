package dev.custodian.crm.core.task.port.in;

import java.util.Objects;

/** The task feature's in-ports, handed out together (to an adapter, or to an embedder). */
public record TaskUseCases(CreateTaskUseCase create, GetTaskUseCase get, ListTasksUseCase list,
    UpdateTaskUseCase update, DeleteTaskUseCase delete) {

  public TaskUseCases {
    Objects.requireNonNull(create, "create");
    Objects.requireNonNull(get, "get");
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(delete, "delete");
  }
}
