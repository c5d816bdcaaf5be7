package dev.custodian.crm.http.activity;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.activity.Activity;
import dev.custodian.crm.core.activity.ActivityId;
import dev.custodian.crm.core.activity.ActivityListing;
import dev.custodian.crm.core.activity.port.in.ActivityUseCases;
import dev.custodian.crm.core.activity.port.in.CreateActivityCommand;
import dev.custodian.crm.core.activity.port.in.DeleteActivityCommand;
import dev.custodian.crm.core.activity.port.in.UpdateActivityCommand;
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
 * HTTP adapter: the activity routes, one small handler per use case, read and answered as the
 * contact routes are. The workspace in the path is the only source of the workspace.
 */
final class ActivityRoutes implements RouteGroup {

  static final String COLLECTION = "/api/v1/workspaces/{workspaceId}/activities";
  static final String ONE = COLLECTION + "/{activityId}";


  private final ActivityUseCases useCases;

  ActivityRoutes(ActivityUseCases useCases) {
    this.useCases = Objects.requireNonNull(useCases, "useCases");
  }

  @Override
  public void addTo(RouteTable table) {
    table.post(COLLECTION).access(Access.permission(Permission.ACTIVITY_WRITE))
        .describe("createActivity", "Record a note, call, meeting or email about 1 to 50 contacts, companies and deals")
        .request(CreateActivityRequest.class).responds(201, ActivityResponse.class).handle(this::create);
    table.get(COLLECTION).access(Access.permission(Permission.ACTIVITY_READ))
        .describe("listActivities", "Walk the workspace's activities, oldest first")
        .respondsPage(ActivityResponse.class, ActivityListing.OFFER).handle(this::list);
    table.get(ONE).access(Access.permission(Permission.ACTIVITY_READ))
        .describe("getActivity", "Read one activity").responds(200, ActivityResponse.class).handle(this::get);
    table.patch(ONE).access(Access.permission(Permission.ACTIVITY_WRITE))
        .describe("updateActivity", "Change some fields of an activity (a merge patch, with If-Match)")
        .mergePatch(CreateActivityRequest.class).header("If-Match").responds(200, ActivityResponse.class)
        .handle(this::update);
    table.delete(ONE).access(Access.permission(Permission.ACTIVITY_WRITE))
        .describe("deleteActivity", "Delete an activity with its links (If-Match optional)")
        .header("If-Match").responds(204, null).handle(this::delete);
  }

  /** {@code POST}: 201 with the activity, its {@code Location} and {@code ETag}. */
  void create(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    CreateActivityRequest body = Requests.jsonBody(ctx, CreateActivityRequest.class);
    CreateActivityCommand command = CreateActivityCommand.of(v, workspace, body.kind(), body.subject(), body.body(),
        body.occurredAt(), body.duration(), body.contactIds(), body.companyIds(), body.dealIds());
    v.throwIfInvalid();
    Activity activity = useCases.create().create(CurrentActor.of(ctx), command);
    ctx.status(HttpStatus.CREATED)
        .header("Location", "/api/v1/workspaces/" + workspace + "/activities/" + activity.id());
    respond(ctx, activity);
  }

  /** {@code GET} the collection: a page of the list query, with {@code nextCursor} unless last. */
  void list(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    ListQuery query = Paging.query(ctx, v, ActivityListing.OFFER);
    v.throwIfInvalid();
    ctx.json(Paging.PagedItems.from(useCases.list().list(CurrentActor.of(ctx), workspace, query),
        ActivityResponse::from));
  }

  /** {@code GET} one: 200 with a strong {@code ETag} of its version. */
  void get(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    ActivityId id = activityId(ctx, v);
    v.throwIfInvalid();
    respond(ctx, useCases.get().get(CurrentActor.of(ctx), workspace, id));
  }

  /** {@code PATCH}: a merge patch, only with {@code If-Match} of the current version. */
  void update(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    ActivityId id = activityId(ctx, v);
    OptionalLong expected = ETags.ifMatch(ctx, v);
    ActivityPatchRequest patch = ActivityPatchRequest.from(Requests.mergePatchBody(ctx), v);
    UpdateActivityCommand command = UpdateActivityCommand.of(v, workspace, id, expected, patch.kind(), patch.subject(), patch.body(), patch.occurredAt(), patch.duration(),
        patch.contactIds(), patch.companyIds(), patch.dealIds());
    v.throwIfInvalid();
    respond(ctx, useCases.update().update(CurrentActor.of(ctx), command));
  }

  /** {@code DELETE}: 204; with {@code If-Match}, only if that is still the current version. */
  void delete(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    ActivityId id = activityId(ctx, v);
    OptionalLong expected = ETags.ifMatch(ctx, v);
    v.throwIfInvalid();
    useCases.delete().delete(CurrentActor.of(ctx), new DeleteActivityCommand(workspace, id, expected));
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private static void respond(Context ctx, Activity activity) {
    ctx.header("ETag", ETags.of(activity.version())).json(ActivityResponse.from(activity));
  }

  private static ActivityId activityId(Context ctx, Validator v) {
    return Requests.idPathParam(ctx, v, "activityId", ActivityId::of);
  }
}
