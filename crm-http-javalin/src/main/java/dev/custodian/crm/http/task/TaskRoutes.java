package dev.custodian.crm.http.task;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.task.Task;
import dev.custodian.crm.core.task.TaskId;
import dev.custodian.crm.core.task.TaskListing;
import dev.custodian.crm.core.task.port.in.TaskUseCases;
import dev.custodian.crm.core.task.port.in.CreateTaskCommand;
import dev.custodian.crm.core.task.port.in.DeleteTaskCommand;
import dev.custodian.crm.core.task.port.in.UpdateTaskCommand;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.http.Access;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.RouteTable;
import dev.custodian.crm.http.common.CurrentActor;
import dev.custodian.crm.http.common.ETags;
import dev.custodian.crm.http.common.Paging;
import dev.custodian.crm.http.common.Requests;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * HTTP adapter: the task routes, one small handler per use case, read and answered as the
 * contact routes are. The workspace in the path is the only source of the workspace.
 */
final class TaskRoutes implements RouteGroup {

  static final String COLLECTION = "/api/v1/workspaces/{workspaceId}/tasks";
  static final String ONE = COLLECTION + "/{taskId}";


  private final TaskUseCases useCases;

  TaskRoutes(TaskUseCases useCases) {
    this.useCases = Objects.requireNonNull(useCases, "useCases");
  }

  @Override
  public void addTo(RouteTable table) {
    table.post(COLLECTION).access(Access.permission(Permission.TASK_WRITE))
        .describe("createTask", "Add a task, perhaps assigned to a member, about 0 to 50 contacts, companies and deals")
        .request(CreateTaskRequest.class).responds(201, TaskResponse.class).handle(this::create);
    table.get(COLLECTION).access(Access.permission(Permission.TASK_READ))
        .describe("listTasks", "Walk the workspace's tasks, oldest first or by due time")
        .respondsPage(TaskResponse.class, TaskListing.OFFER).handle(this::list);
    table.get(ONE).access(Access.permission(Permission.TASK_READ))
        .describe("getTask", "Read one task").responds(200, TaskResponse.class).handle(this::get);
    table.patch(ONE).access(Access.permission(Permission.TASK_WRITE))
        .describe("updateTask", "Change some fields of a task (a merge patch, with If-Match)")
        .mergePatch(CreateTaskRequest.class).header("If-Match").responds(200, TaskResponse.class)
        .handle(this::update);
    table.delete(ONE).access(Access.permission(Permission.TASK_WRITE))
        .describe("deleteTask", "Delete a task with its links (If-Match optional)")
        .header("If-Match").responds(204, null).handle(this::delete);
  }

  /** {@code POST}: 201 with the task, its {@code Location} and {@code ETag}. */
  void create(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    CreateTaskRequest body = Requests.jsonBody(ctx, CreateTaskRequest.class);
    CreateTaskCommand command = CreateTaskCommand.of(v, workspace, body.title(), body.body(), body.dueAt(),
        body.done(), body.assigneeId(), body.contactIds(), body.companyIds(), body.dealIds());
    v.throwIfInvalid();
    Task task = useCases.create().create(CurrentActor.of(ctx), command);
    ctx.status(HttpStatus.CREATED)
        .header("Location", "/api/v1/workspaces/" + workspace + "/tasks/" + task.id());
    respond(ctx, task);
  }

  /** {@code GET} the collection: a page of the list query, with {@code nextCursor} unless last. */
  void list(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    ListQuery query = Paging.query(ctx, v, TaskListing.OFFER);
    v.throwIfInvalid();
    ctx.json(Paging.PagedItems.from(useCases.list().list(CurrentActor.of(ctx), workspace, query),
        TaskResponse::from));
  }

  /** {@code GET} one: 200 with a strong {@code ETag} of its version. */
  void get(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    TaskId id = taskId(ctx, v);
    v.throwIfInvalid();
    respond(ctx, useCases.get().get(CurrentActor.of(ctx), workspace, id));
  }

  /** {@code PATCH}: a merge patch, only with {@code If-Match} of the current version. */
  void update(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    TaskId id = taskId(ctx, v);
    OptionalLong expected = ETags.ifMatch(ctx, v);
    TaskPatchRequest patch = TaskPatchRequest.from(Requests.mergePatchBody(ctx), v);
    UpdateTaskCommand command = UpdateTaskCommand.of(v, workspace, id, expected, patch.title(), patch.body(), patch.dueAt(), patch.done(), patch.assigneeId(),
        patch.contactIds(), patch.companyIds(), patch.dealIds());
    v.throwIfInvalid();
    respond(ctx, useCases.update().update(CurrentActor.of(ctx), command));
  }

  /** {@code DELETE}: 204; with {@code If-Match}, only if that is still the current version. */
  void delete(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    TaskId id = taskId(ctx, v);
    OptionalLong expected = ETags.ifMatch(ctx, v);
    v.throwIfInvalid();
    useCases.delete().delete(CurrentActor.of(ctx), new DeleteTaskCommand(workspace, id, expected));
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private static void respond(Context ctx, Task task) {
    ctx.header("ETag", ETags.of(task.version())).json(TaskResponse.from(task));
  }

  private static TaskId taskId(Context ctx, Validator v) {
    return Requests.idPathParam(ctx, v, "taskId", TaskId::of);
  }
}
