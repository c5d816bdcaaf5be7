package dev.custodian.crm.http.task;

import dev.custodian.crm.core.task.port.in.TaskUseCases;
import dev.custodian.crm.http.RouteGroup;

/** HTTP adapter, the task feature's entry: its routes over its use cases. */
public final class TaskApi {

  private TaskApi() {}

  public static RouteGroup routes(TaskUseCases useCases) {
    return new TaskRoutes(useCases);
  }
}
