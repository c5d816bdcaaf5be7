package dev.custodian.crm.http.dsr;

import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.dsr.DataSubjectRequestId;
import dev.custodian.crm.core.dsr.port.in.CreateRequestCommand;
import dev.custodian.crm.core.dsr.port.in.PublicRequestUseCase;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.http.Access;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.RouteTable;
import dev.custodian.crm.http.common.Requests;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * HTTP adapter: the public intake of data-subject requests (no account; the mailed code proves the
 * address). Public and throttled: an intake answers 202 with the request's id whatever the address
 * (and a random id for a workspace that does not exist); every failure of a code is one 400
 * {@code /problems/invalid-token}, the same bytes for a wrong, expired, used or voided code, an
 * unknown request and another workspace's.
 */
final class PublicPrivacyRequestRoutes implements RouteGroup {

  static final String REQUESTS = "/api/v1/public/workspaces/{workspaceId}/privacy-requests";
  static final String REQUEST = REQUESTS + "/{privacyRequestId}";

  /**
   * Body of the public {@code POST .../privacy-requests}: as the admin one's, without
   * {@code receivedAt} (a public request is received when it comes in).
   */
  record PublicPrivacyRequest(String type, String email, Boolean californiaRequest, Map<String, String> corrections,
      List<String> purposes) {}

  /** Body of {@code POST .../verify}: the 6-digit code of the mail. */
  record CodeRequest(String code) {}

  /** The answer of an intake or a re-send: the request's id, to verify it with. */
  record Accepted(UUID requestId) {}

  private final PublicRequestUseCase intake;
  private final Clock clock;

  PublicPrivacyRequestRoutes(PublicRequestUseCase intake, Clock clock) {
    this.intake = Objects.requireNonNull(intake, "intake");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void addTo(RouteTable table) {
    table.post(REQUESTS).access(Access.PUBLIC)
        .describe("submitPrivacyRequest", "A person's own data-subject request: mails a 6-digit code to the address "
            + "(the same answer and mail for any address); 5 per address and per client address in 15 minutes")
        .request(PublicPrivacyRequest.class).responds(202, Accepted.class).handle(this::submit);
    table.post(REQUEST + "/verify").access(Access.PUBLIC)
        .describe("verifyPrivacyRequestCode", "Prove the address with the mailed code (once, within 10 minutes, 3 "
            + "tries): the request's identity is verified")
        .request(CodeRequest.class).responds(204, null).handle(this::verify);
    table.post(REQUEST + "/code").access(Access.PUBLIC)
        .describe("resendPrivacyRequestCode", "Mail a fresh code for a request still waiting for one (the older code "
            + "stops working)")
        .responds(202, Accepted.class).handle(this::resend);
  }

  void submit(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    PublicPrivacyRequest body = Requests.jsonBody(ctx, PublicPrivacyRequest.class);
    v.throwIfInvalid();
    CreateRequestCommand command = CreateRequestCommand.of(workspace, new CreateRequestCommand.Raw(body.type(),
        body.email(), body.californiaRequest(), body.corrections(), body.purposes(), null), clock.instant());
    DataSubjectRequestId id = intake.submit(command, Requests.clientIp(ctx));
    ctx.status(HttpStatus.ACCEPTED).json(new Accepted(id.value()));
  }

  void verify(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    CodeRequest body = Requests.jsonBody(ctx, CodeRequest.class);
    v.throwIfInvalid();
    intake.verify(workspace, ctx.pathParam("privacyRequestId"), body.code(), Requests.clientIp(ctx));
    ctx.status(HttpStatus.NO_CONTENT);
  }

  void resend(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    v.throwIfInvalid();
    String requestId = ctx.pathParam("privacyRequestId");
    intake.resend(workspace, requestId, Requests.clientIp(ctx));
    ctx.status(HttpStatus.ACCEPTED).json(new Accepted(UUID.fromString(requestId)));
  }
}
