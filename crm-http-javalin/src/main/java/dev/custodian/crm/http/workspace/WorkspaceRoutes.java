package dev.custodian.crm.http.workspace;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.account.Password;
import dev.custodian.crm.core.common.paging.ListOffer;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.workspace.Workspace;
import dev.custodian.crm.core.workspace.port.in.CreateWorkspaceCommand;
import dev.custodian.crm.core.workspace.port.in.WorkspaceUseCases;
import dev.custodian.crm.http.Access;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.RouteTable;
import dev.custodian.crm.http.common.CurrentActor;
import dev.custodian.crm.http.common.Paging;
import dev.custodian.crm.http.common.Requests;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Objects;
import java.util.function.BiFunction;

/** HTTP adapter: the workspace routes, one small handler per use case; each acts for the signed-in caller. */
final class WorkspaceRoutes implements RouteGroup {

  static final String COLLECTION = "/api/v1/workspaces";
  static final String ONE = COLLECTION + "/{workspaceId}";
  static final String CANCEL = ONE + "/cancel";
  static final String REACTIVATE = ONE + "/reactivate";
  static final String DELETE_NOW = ONE + "/delete-now";

  private final WorkspaceUseCases useCases;

  WorkspaceRoutes(WorkspaceUseCases useCases) {
    this.useCases = Objects.requireNonNull(useCases, "useCases");
  }

  @Override
  public void addTo(RouteTable table) {
    table.post(COLLECTION).access(Access.ACCOUNT).describe("createWorkspace", "Open a workspace; its creator is its OWNER")
        .request(CreateWorkspaceRequest.class).responds(201, WorkspaceResponse.class).handle(this::create);
    table.get(COLLECTION).access(Access.ACCOUNT)
        .describe("listWorkspaces", "Walk the caller's workspaces with their role, in the order joined")
        .respondsPage(MemberWorkspaceResponse.class, ListOffer.OLDEST_FIRST).handle(this::list);
    table.get(ONE).access(Access.permission(Permission.WORKSPACE_READ)).describe("getWorkspace", "Read a workspace")
        .responds(200, WorkspaceResponse.class).handle(this::get);
    table.post(CANCEL).access(Access.permission(Permission.WORKSPACE_LIFECYCLE))
        .describe("cancelWorkspace", "Cancel the workspace: read-only for 30 days, then purged")
        .responds(200, WorkspaceResponse.class).handle(ctx -> lifecycle(ctx, useCases.cancel()::cancel));
    table.post(REACTIVATE).access(Access.permission(Permission.WORKSPACE_LIFECYCLE))
        .describe("reactivateWorkspace", "Make a cancelled workspace active again, before its purge")
        .responds(200, WorkspaceResponse.class).handle(ctx -> lifecycle(ctx, useCases.reactivate()::reactivate));
    table.post(DELETE_NOW).access(Access.permission(Permission.WORKSPACE_LIFECYCLE))
        .describe("deleteWorkspaceNow", "Delete the workspace and all its data now, confirmed with your password")
        .request(DeleteNowRequest.class).responds(202, null).handle(this::deleteNow);
  }

  /** {@code POST .../delete-now}: 202 once the workspace is purged; a wrong password is a 403 that changes nothing. */
  void deleteNow(Context ctx) throws Exception {
    DeleteNowRequest body = Requests.jsonBody(ctx, DeleteNowRequest.class);
    Validator v = new Validator();
    WorkspaceId id = Requests.workspaceId(ctx, v);
    Password password = v.required("password", body.password(), Password::new);
    if (v.hasErrors() && password != null) {
      password.wipe();
    }
    v.throwIfInvalid();
    useCases.deleteNow().deleteNow(CurrentActor.of(ctx), id, password, Requests.clientIp(ctx));
    ctx.status(HttpStatus.ACCEPTED);
  }

  /** {@code POST .../cancel} and {@code .../reactivate}: 200 with the workspace as it now is. */
  void lifecycle(Context ctx, BiFunction<Actor, WorkspaceId, Workspace> step) {
    Validator v = new Validator();
    WorkspaceId id = Requests.workspaceId(ctx, v);
    v.throwIfInvalid();
    ctx.json(WorkspaceResponse.from(step.apply(CurrentActor.of(ctx), id)));
  }

  /** {@code POST /api/v1/workspaces}: 201 with the workspace and its {@code Location}. */
  void create(Context ctx) throws Exception {
    CreateWorkspaceRequest request = Requests.jsonBody(ctx, CreateWorkspaceRequest.class);
    Workspace workspace = useCases.create().create(CurrentActor.of(ctx),
        CreateWorkspaceCommand.of(request.name(), request.slug()));
    ctx.status(HttpStatus.CREATED)
        .header("Location", COLLECTION + "/" + workspace.id())
        .json(WorkspaceResponse.from(workspace));
  }

  /** {@code GET /api/v1/workspaces/{workspaceId}}: 200 with the workspace, or 404. */
  void get(Context ctx) {
    Validator v = new Validator();
    WorkspaceId id = Requests.workspaceId(ctx, v);
    v.throwIfInvalid();
    ctx.json(WorkspaceResponse.from(useCases.get().get(CurrentActor.of(ctx), id)));
  }

  /** {@code GET /api/v1/workspaces?limit=&cursor=}: the caller's workspaces with their role, in the order joined. */
  void list(Context ctx) {
    Validator v = new Validator();
    PageRequest page = Paging.page(ctx, v);
    v.throwIfInvalid();
    ctx.json(Paging.PagedItems.from(useCases.list().list(CurrentActor.of(ctx), page), MemberWorkspaceResponse::from));
  }
}
