package dev.custodian.crm.http.workspace;

import dev.custodian.crm.core.workspace.port.in.WorkspaceUseCases;
import dev.custodian.crm.http.RouteGroup;

/** HTTP adapter, the workspace feature's entry: its routes over its use cases. */
public final class WorkspaceApi {

  private WorkspaceApi() {}

  public static RouteGroup routes(WorkspaceUseCases useCases) {
    return new WorkspaceRoutes(useCases);
  }
}
