package dev.custodian.crm.core.activity.port.in;

import java.util.Objects;

/** The activity feature's in-ports, handed out together (to an adapter, or to an embedder). */
public record ActivityUseCases(CreateActivityUseCase create, GetActivityUseCase get, ListActivitiesUseCase list,
    UpdateActivityUseCase update, DeleteActivityUseCase delete) {

  public ActivityUseCases {
    Objects.requireNonNull(create, "create");
    Objects.requireNonNull(get, "get");
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(delete, "delete");
  }
}
