package dev.custodian.crm.http.workspace;

import dev.custodian.crm.core.tenant.TenantId;
import dev.custodian.crm.core.tenant.Workspace;
import dev.custodian.crm.core.tenant.port.in.CreateWorkspaceCommand;
import dev.custodian.crm.core.tenant.port.in.CreateWorkspaceUseCase;
import dev.custodian.crm.core.tenant.port.in.GetWorkspaceUseCase;
import dev.custodian.crm.http.common.Requests;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Objects;

/** HTTP adapter: the workspace routes, one small handler per use case. */
public final class WorkspaceRoutes {

  static final String COLLECTION = "/api/v1/workspaces";
  static final String ONE = COLLECTION + "/{workspaceId}";

  private final CreateWorkspaceUseCase createWorkspace;
  private final GetWorkspaceUseCase getWorkspace;

  public WorkspaceRoutes(CreateWorkspaceUseCase createWorkspace, GetWorkspaceUseCase getWorkspace) {
    this.createWorkspace = Objects.requireNonNull(createWorkspace, "createWorkspace");
    this.getWorkspace = Objects.requireNonNull(getWorkspace, "getWorkspace");
  }

  public void addTo(JavalinConfig config) {
    config.routes.post(COLLECTION, this::create);
    config.routes.get(ONE, this::get);
  }

  /** {@code POST /api/v1/workspaces}: 201 with the workspace and its {@code Location}. */
  void create(Context ctx) throws Exception {
    CreateWorkspaceRequest request = Requests.jsonBody(ctx, CreateWorkspaceRequest.class);
    Workspace workspace =
        createWorkspace.create(CreateWorkspaceCommand.of(request.name(), request.slug()));
    ctx.status(HttpStatus.CREATED)
        .header("Location", COLLECTION + "/" + workspace.id())
        .json(WorkspaceResponse.from(workspace));
  }

  /** {@code GET /api/v1/workspaces/{workspaceId}}: 200 with the workspace, or 404. */
  void get(Context ctx) {
    TenantId id = Requests.workspaceId(ctx);
    ctx.json(WorkspaceResponse.from(getWorkspace.get(id)));
  }
}
