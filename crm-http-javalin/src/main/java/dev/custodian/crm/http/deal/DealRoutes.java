package dev.custodian.crm.http.deal;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.common.Money;
import dev.custodian.crm.core.common.paging.Filter;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.deal.Deal;
import dev.custodian.crm.core.deal.DealId;
import dev.custodian.crm.core.deal.DealListing;
import dev.custodian.crm.core.deal.port.in.CreateDealCommand;
import dev.custodian.crm.core.deal.port.in.DealUseCases;
import dev.custodian.crm.core.deal.port.in.DeleteDealCommand;
import dev.custodian.crm.core.deal.port.in.UpdateDealCommand;
import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.http.Access;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.RouteTable;
import dev.custodian.crm.http.common.CurrentActor;
import dev.custodian.crm.http.common.CustomJson;
import dev.custodian.crm.http.common.ETags;
import dev.custodian.crm.http.common.Paging;
import dev.custodian.crm.http.common.Requests;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * HTTP adapter: the deal routes, one small handler per use case, read and answered as the contact
 * routes are. The workspace in the path is the only source of the workspace.
 */
final class DealRoutes implements RouteGroup {

  static final String COLLECTION = "/api/v1/workspaces/{workspaceId}/deals";
  static final String ONE = COLLECTION + "/{dealId}";
  static final String HISTORY = ONE + "/stage-history";
  static final String SUMMARY = "/api/v1/workspaces/{workspaceId}/pipelines/{pipelineId}/summary";

  private final DealUseCases useCases;

  DealRoutes(DealUseCases useCases) {
    this.useCases = Objects.requireNonNull(useCases, "useCases");
  }

  @Override
  public void addTo(RouteTable table) {
    table.post(COLLECTION).access(Access.permission(Permission.DEAL_WRITE))
        .describe("createDeal", "Add a deal to the workspace (the default pipeline's first OPEN stage unless named)")
        .request(CreateDealRequest.class).responds(201, DealResponse.class).handle(this::create);
    table.get(COLLECTION).access(Access.permission(Permission.DEAL_READ))
        .describe("listDeals", "Walk the workspace's deals, oldest first")
        .respondsPage(DealResponse.class, DealListing.OFFER).handle(this::list);
    table.get(ONE).access(Access.permission(Permission.DEAL_READ))
        .describe("getDeal", "Read one deal").responds(200, DealResponse.class).handle(this::get);
    table.patch(ONE).access(Access.permission(Permission.DEAL_WRITE))
        .describe("updateDeal", "Change some fields of a deal or move it to another stage (a merge patch, with If-Match)")
        .mergePatch(CreateDealRequest.class).header("If-Match").responds(200, DealResponse.class)
        .handle(this::update);
    table.delete(ONE).access(Access.permission(Permission.DEAL_DELETE))
        .describe("deleteDeal", "Delete a deal with its contact links and stage history (If-Match optional)")
        .header("If-Match").responds(204, null).handle(this::delete);
    table.get(HISTORY).access(Access.permission(Permission.DEAL_READ))
        .describe("listDealStageHistory", "Walk a deal's stage history, newest first")
        .respondsPage(StageChangeResponse.class, DealListing.HISTORY_OFFER).handle(this::history);
    table.get(SUMMARY).access(Access.permission(Permission.DEAL_READ))
        .describe("getPipelineSummary", "Count a pipeline's deals per stage and add up their amounts per currency")
        .filters(DealListing.SUMMARY_OFFER).responds(200, PipelineSummaryResponse.class).handle(this::summary);
  }

  /** {@code POST}: 201 with the deal, its {@code Location} and {@code ETag}. */
  void create(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    CreateDealRequest body = Requests.jsonBody(ctx, CreateDealRequest.class);
    Money amount = body.amount() == null ? null : body.amount().toMoney(v, "amount");
    CreateDealCommand command = CreateDealCommand.of(v, workspace, body.title(), amount, body.pipelineId(),
        body.stageId(), body.expectedCloseDate(), body.companyId(), body.contactIds());
    Deal deal = useCases.create().create(CurrentActor.of(ctx),
        CustomJson.withCustom(v, workspace, command, body.custom()));
    ctx.status(HttpStatus.CREATED)
        .header("Location", "/api/v1/workspaces/" + workspace + "/deals/" + deal.id());
    respond(ctx, deal);
  }

  /** {@code GET} the collection: a page of the list query, with {@code nextCursor} unless last. */
  void list(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    ListQuery query = Paging.query(ctx, v, DealListing.OFFER);
    v.throwIfInvalid();
    ctx.json(Paging.PagedItems.from(useCases.list().list(CurrentActor.of(ctx), workspace, query), DealResponse::from));
  }

  /** {@code GET} one: 200 with a strong {@code ETag} of its version. */
  void get(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    DealId id = dealId(ctx, v);
    v.throwIfInvalid();
    respond(ctx, useCases.get().get(CurrentActor.of(ctx), workspace, id));
  }

  /** {@code PATCH}: a merge patch, only with {@code If-Match} of the current version. */
  void update(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    DealId id = dealId(ctx, v);
    OptionalLong expected = ETags.ifMatch(ctx, v);
    DealPatchRequest patch = DealPatchRequest.from(Requests.mergePatchBody(ctx), v);
    UpdateDealCommand command = UpdateDealCommand.of(v, workspace, id, expected, patch.title(), patch.amount(),
        patch.pipelineId(), patch.stageId(), patch.expectedCloseDate(), patch.companyId(), patch.contactIds());
    respond(ctx, useCases.update().update(CurrentActor.of(ctx),
        CustomJson.withCustom(v, workspace, command, patch.custom())));
  }

  /** {@code DELETE}: 204; with {@code If-Match}, only if that is still the current version. */
  void delete(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    DealId id = dealId(ctx, v);
    OptionalLong expected = ETags.ifMatch(ctx, v);
    v.throwIfInvalid();
    useCases.delete().delete(CurrentActor.of(ctx), new DeleteDealCommand(workspace, id, expected));
    ctx.status(HttpStatus.NO_CONTENT);
  }

  /** {@code GET} the stage history: a page, newest first, with {@code nextCursor} unless last. */
  void history(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    DealId id = dealId(ctx, v);
    ListQuery query = Paging.query(ctx, v, DealListing.HISTORY_OFFER);
    v.throwIfInvalid();
    ctx.json(Paging.PagedItems.from(useCases.history().history(CurrentActor.of(ctx), workspace, id, query),
        StageChangeResponse::from));
  }

  /** {@code GET} a pipeline's summary: one aggregate over its stages and their deals. */
  void summary(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    PipelineId pipeline = Requests.idPathParam(ctx, v, "pipelineId", PipelineId::of);
    List<Filter> filters = ListQuery.filtersOf(v, DealListing.SUMMARY_OFFER, ctx.queryParamMap());
    v.throwIfInvalid();
    ctx.json(PipelineSummaryResponse.from(useCases.summary().summary(CurrentActor.of(ctx), workspace, pipeline, filters)));
  }

  private static void respond(Context ctx, Deal deal) {
    ctx.header("ETag", ETags.of(deal.version())).json(DealResponse.from(deal));
  }

  private static DealId dealId(Context ctx, Validator v) {
    return Requests.idPathParam(ctx, v, "dealId", DealId::of);
  }
}
