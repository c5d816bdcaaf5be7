package dev.custodian.crm.http.timeline;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.link.RecordRef;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.timeline.TimelineListing;
import dev.custodian.crm.core.timeline.port.in.TimelineUseCase;
import dev.custodian.crm.http.Access;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.RouteTable;
import dev.custodian.crm.http.common.CurrentActor;
import dev.custodian.crm.http.common.Paging;
import dev.custodian.crm.http.common.Requests;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.UUID;

/**
 * HTTP adapter: the timelines of contacts, companies and deals, newest first: their linked
 * activities (at their time), tasks (at their creation) and a deal's stage changes.
 */
final class TimelineRoutes implements RouteGroup {

  static final String WORKSPACE = "/api/v1/workspaces/{workspaceId}";
  static final String CONTACT = WORKSPACE + "/contacts/{contactId}/timeline";
  static final String COMPANY = WORKSPACE + "/companies/{companyId}/timeline";
  static final String DEAL = WORKSPACE + "/deals/{dealId}/timeline";

  private final TimelineUseCase useCase;

  TimelineRoutes(TimelineUseCase useCase) {
    this.useCase = Objects.requireNonNull(useCase, "useCase");
  }

  @Override
  public void addTo(RouteTable table) {
    table.get(CONTACT).access(Access.permission(Permission.ACTIVITY_READ))
        .describe("getContactTimeline", "Walk a contact's activities and tasks, newest first")
        .respondsPage(TimelineItemResponse.class, TimelineListing.OFFER)
        .handle(ctx -> timeline(ctx, RecordRef.Kind.CONTACT, "contactId"));
    table.get(COMPANY).access(Access.permission(Permission.ACTIVITY_READ))
        .describe("getCompanyTimeline", "Walk a company's activities and tasks, newest first")
        .respondsPage(TimelineItemResponse.class, TimelineListing.OFFER)
        .handle(ctx -> timeline(ctx, RecordRef.Kind.COMPANY, "companyId"));
    table.get(DEAL).access(Access.permission(Permission.ACTIVITY_READ))
        .describe("getDealTimeline", "Walk a deal's activities, tasks and stage changes, newest first")
        .respondsPage(TimelineItemResponse.class, TimelineListing.OFFER)
        .handle(ctx -> timeline(ctx, RecordRef.Kind.DEAL, "dealId"));
  }

  /** {@code GET} a timeline: a page, newest first, with {@code nextCursor} unless last. */
  void timeline(Context ctx, RecordRef.Kind kind, String idParameter) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    UUID id = Requests.idPathParam(ctx, v, idParameter, raw -> raw);
    ListQuery query = Paging.query(ctx, v, TimelineListing.OFFER);
    v.throwIfInvalid();
    ctx.json(Paging.PagedItems.from(
        useCase.timeline(CurrentActor.of(ctx), workspace, new RecordRef(kind, id), query),
        TimelineItemResponse::from));
  }
}
