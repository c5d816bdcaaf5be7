package dev.custodian.crm.http.dsr;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.dsr.DataSubjectRequest;
import dev.custodian.crm.core.dsr.DataSubjectRequestId;
import dev.custodian.crm.core.dsr.DataSubjectRequestListing;
import dev.custodian.crm.core.dsr.RequestText;
import dev.custodian.crm.core.dsr.port.in.CreateRequestCommand;
import dev.custodian.crm.core.dsr.port.in.DataSubjectRequestUseCases;
import dev.custodian.crm.core.dsr.port.out.DataSubjectRequestRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.http.Access;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.RouteTable;
import dev.custodian.crm.http.common.CurrentActor;
import dev.custodian.crm.http.common.Paging;
import dev.custodian.crm.http.common.Requests;
import dev.custodian.crm.http.dsr.PrivacyRequestBodies.CreatePrivacyRequest;
import dev.custodian.crm.http.dsr.PrivacyRequestBodies.ExtendPrivacyRequest;
import dev.custodian.crm.http.dsr.PrivacyRequestBodies.PrivacyRequestResponse;
import dev.custodian.crm.http.dsr.PrivacyRequestBodies.RejectPrivacyRequest;
import dev.custodian.crm.http.dsr.PrivacyRequestBodies.VerifyPrivacyRequest;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTP adapter: a workspace's data-subject requests, as its privacy administration (ADMIN) tracks
 * and executes them, one small handler per use case. The workspace in the path is the only source
 * of the workspace; a request of another workspace is a 404.
 */
final class PrivacyRequestRoutes implements RouteGroup {

  static final String REQUESTS = "/api/v1/workspaces/{workspaceId}/privacy-requests";
  static final String REQUEST = REQUESTS + "/{privacyRequestId}";

  private final DataSubjectRequestUseCases useCases;
  private final Clock clock;

  PrivacyRequestRoutes(DataSubjectRequestUseCases useCases, Clock clock) {
    this.useCases = Objects.requireNonNull(useCases, "useCases");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void addTo(RouteTable table) {
    Access read = Access.permission(Permission.PRIVACY_REQUEST_READ);
    Access manage = Access.permission(Permission.PRIVACY_REQUEST_MANAGE);
    table.get(REQUESTS).access(read)
        .describe("listPrivacyRequests", "A page of the workspace's data-subject requests, filtered by state, type, "
            + "californiaRequest and overdue")
        .respondsPage(PrivacyRequestResponse.class, DataSubjectRequestListing.OFFER).handle(this::list);
    table.post(REQUESTS).access(manage)
        .describe("createPrivacyRequest", "Record a data-subject request received (due 30 days after receipt)")
        .request(CreatePrivacyRequest.class).responds(201, PrivacyRequestResponse.class).handle(this::create);
    table.get(REQUEST).access(read)
        .describe("getPrivacyRequest", "Read one request with its days left and its history")
        .responds(200, PrivacyRequestResponse.class).handle(this::get);
    table.post(REQUEST + "/verify").access(manage)
        .describe("verifyPrivacyRequest", "Record that the requester's identity was checked")
        .request(VerifyPrivacyRequest.class).responds(200, PrivacyRequestResponse.class).handle(this::verify);
    table.post(REQUEST + "/start").access(manage)
        .describe("startPrivacyRequest", "Mark a verified request as being worked on")
        .responds(200, PrivacyRequestResponse.class).handle(this::start);
    table.post(REQUEST + "/execute").access(manage)
        .describe("executePrivacyRequest", "Give a verified request its effect on the contact with its address, and "
            + "complete it (once)")
        .responds(200, PrivacyRequestResponse.class).handle(this::execute);
    table.post(REQUEST + "/extend").access(manage)
        .describe("extendPrivacyRequest", "Extend the deadline once, before the first one, to at most 45 days from "
            + "receipt")
        .request(ExtendPrivacyRequest.class).responds(200, PrivacyRequestResponse.class).handle(this::extend);
    table.post(REQUEST + "/reject").access(manage)
        .describe("rejectPrivacyRequest", "Refuse an open request, with the reason")
        .request(RejectPrivacyRequest.class).responds(200, PrivacyRequestResponse.class).handle(this::reject);
    table.post(REQUEST + "/cancel").access(manage)
        .describe("cancelPrivacyRequest", "Cancel an open request")
        .responds(200, PrivacyRequestResponse.class).handle(this::cancel);
  }

  void list(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    ListQuery query = Paging.query(ctx, v, DataSubjectRequestListing.OFFER);
    v.throwIfInvalid();
    Instant now = clock.instant();
    ctx.json(Paging.PagedItems.from(useCases.requests().list(CurrentActor.of(ctx), workspace, query),
        r -> PrivacyRequestResponse.from(r, now, null)));
  }

  /** {@code POST}: 201 with the request and its {@code Location}. */
  void create(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    CreatePrivacyRequest body = Requests.jsonBody(ctx, CreatePrivacyRequest.class);
    v.throwIfInvalid();
    CreateRequestCommand command = CreateRequestCommand.of(workspace, new CreateRequestCommand.Raw(body.type(),
        body.email(), body.californiaRequest(), body.corrections(), body.purposes(), body.receivedAt()),
        clock.instant());
    DataSubjectRequest request = useCases.requests().create(CurrentActor.of(ctx), command);
    ctx.status(HttpStatus.CREATED).header("Location", "/api/v1/workspaces/" + workspace + "/privacy-requests/"
        + request.id());
    respond(ctx, request);
  }

  void get(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    DataSubjectRequestId id = requestId(ctx, v);
    v.throwIfInvalid();
    DataSubjectRequestRepository.WithHistory found = useCases.requests().get(CurrentActor.of(ctx), workspace, id);
    ctx.json(PrivacyRequestResponse.from(found.request(), clock.instant(), found.history()));
  }

  void verify(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    DataSubjectRequestId id = requestId(ctx, v);
    VerifyPrivacyRequest body = Requests.jsonBody(ctx, VerifyPrivacyRequest.class);
    Optional<RequestText> note = v.optional("note", body.note(), RequestText::new);
    v.throwIfInvalid();
    respond(ctx, useCases.requests().verify(CurrentActor.of(ctx), workspace, id, note));
  }

  void start(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    DataSubjectRequestId id = requestId(ctx, v);
    v.throwIfInvalid();
    respond(ctx, useCases.requests().start(CurrentActor.of(ctx), workspace, id));
  }

  void execute(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    DataSubjectRequestId id = requestId(ctx, v);
    v.throwIfInvalid();
    respond(ctx, useCases.execution().execute(CurrentActor.of(ctx), workspace, id));
  }

  void extend(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    DataSubjectRequestId id = requestId(ctx, v);
    ExtendPrivacyRequest body = Requests.jsonBody(ctx, ExtendPrivacyRequest.class);
    RequestText reason = v.required("reason", body.reason(), RequestText::new);
    v.throwIfInvalid();
    respond(ctx, useCases.requests().extend(CurrentActor.of(ctx), workspace, id, reason,
        Optional.ofNullable(body.until())));
  }

  void reject(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    DataSubjectRequestId id = requestId(ctx, v);
    RejectPrivacyRequest body = Requests.jsonBody(ctx, RejectPrivacyRequest.class);
    RequestText reason = v.required("reason", body.reason(), RequestText::new);
    v.throwIfInvalid();
    respond(ctx, useCases.requests().reject(CurrentActor.of(ctx), workspace, id, reason));
  }

  void cancel(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    DataSubjectRequestId id = requestId(ctx, v);
    v.throwIfInvalid();
    respond(ctx, useCases.requests().cancel(CurrentActor.of(ctx), workspace, id));
  }

  private void respond(Context ctx, DataSubjectRequest request) {
    ctx.json(PrivacyRequestResponse.from(request, clock.instant(), null));
  }

  private static DataSubjectRequestId requestId(Context ctx, Validator v) {
    return Requests.idPathParam(ctx, v, "privacyRequestId", DataSubjectRequestId::of);
  }
}
