package dev.custodian.crm.http.workspace;

import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.workspace.Workspace;
import dev.custodian.crm.core.workspace.port.in.CreateWorkspaceCommand;
import dev.custodian.crm.core.workspace.port.in.WorkspaceUseCases;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.common.Requests;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Objects;

/** HTTP adapter: the workspace routes, one small handler per use case. */
final class WorkspaceRoutes implements RouteGroup {

  static final String COLLECTION = "/api/v1/workspaces";
  static final String ONE = COLLECTION + "/{workspaceId}";

  private final WorkspaceUseCases useCases;

  WorkspaceRoutes(WorkspaceUseCases useCases) {
    this.useCases = Objects.requireNonNull(useCases, "useCases");
  }

  @Override
  public void addTo(JavalinConfig config) {
    config.routes.post(COLLECTION, this::create);
    config.routes.get(ONE, this::get);
  }

  /** {@code POST /api/v1/workspaces}: 201 with the workspace and its {@code Location}. */
  void create(Context ctx) throws Exception {
    CreateWorkspaceRequest request = Requests.jsonBody(ctx, CreateWorkspaceRequest.class);
    Workspace workspace = useCases.create().create(CreateWorkspaceCommand.of(request.name(), request.slug()));
    ctx.status(HttpStatus.CREATED)
        .header("Location", COLLECTION + "/" + workspace.id())
        .json(WorkspaceResponse.from(workspace));
  }

  /** {@code GET /api/v1/workspaces/{workspaceId}}: 200 with the workspace, or 404. */
  void get(Context ctx) {
    Validator v = new Validator();
    WorkspaceId id = Requests.workspaceId(ctx, v);
    v.throwIfInvalid();
    ctx.json(WorkspaceResponse.from(useCases.get().get(id)));
  }
}
