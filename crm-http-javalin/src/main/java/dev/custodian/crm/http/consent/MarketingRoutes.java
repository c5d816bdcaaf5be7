package dev.custodian.crm.http.consent;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.consent.ConsentProof;
import dev.custodian.crm.core.consent.port.in.MarketingUseCases;
import dev.custodian.crm.core.consent.port.in.QueueMarketingMailCommand;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.http.Access;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.RouteTable;
import dev.custodian.crm.http.common.CurrentActor;
import dev.custodian.crm.http.common.Requests;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTP adapter: marketing mail (CON-02). An ADMIN queues a mail to every contact a purpose allows;
 * the person's one-click unsubscribe is public: {@code POST} (a mail client's RFC 8058 post, body
 * {@code List-Unsubscribe=One-Click} or none, never read) records the refusal before answering,
 * {@code GET} shows a page with the button that posts, recording nothing. Any defect of a token
 * is one 404, the same bytes; no answer names the person.
 */
final class MarketingRoutes implements RouteGroup {

  static final String MARKETING_MAILS = ConsentRoutes.WORKSPACE + "/marketing-mails";
  static final String UNSUBSCRIBE = "/api/v1/public/unsubscribe/{token}";

  private static final String DONE = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>Unsubscribed</title></head>
      <body><p>You are unsubscribed: this mail will not be sent to you again.</p></body></html>
      """;

  private static final String PAGE = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>Unsubscribe</title></head>
      <body><form method="post" action="%s"><p>Stop receiving this mail?</p>
      <button type="submit" name="List-Unsubscribe" value="One-Click">Unsubscribe</button></form></body></html>
      """;

  private final MarketingUseCases useCases;

  MarketingRoutes(MarketingUseCases useCases) {
    this.useCases = Objects.requireNonNull(useCases, "useCases");
  }

  @Override
  public void addTo(RouteTable table) {
    table.post(MARKETING_MAILS).access(Access.permission(Permission.MARKETING_SEND))
        .describe("queueMarketingMail", "Queue a marketing mail to every contact the purpose allows (each is asked "
            + "again when sent); answers how many were queued")
        .request(MarketingBodies.MarketingMailRequest.class)
        .responds(202, MarketingBodies.MarketingMailResponse.class).handle(this::queue);
    table.post(UNSUBSCRIBE).access(Access.PUBLIC)
        .describe("unsubscribe", "One-click unsubscribe (RFC 8058) with the mail's token: records the withdrawal "
            + "(an objection on a basis other than consent) before answering; the body is not read")
        .responds(200, null).handle(this::unsubscribe);
    table.get(UNSUBSCRIBE).access(Access.PUBLIC)
        .describe("unsubscribePage", "The unsubscribe link's page: a button that posts; records nothing")
        .responds(200, null).handle(this::page);
  }

  /** {@code POST}: 202 with the count queued. */
  void queue(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    MarketingBodies.MarketingMailRequest body = Requests.jsonBody(ctx, MarketingBodies.MarketingMailRequest.class);
    QueueMarketingMailCommand command;
    try {
      command = QueueMarketingMailCommand.of(workspace, body.purpose(), body.subject(), body.text(),
          body.postalAddress());
    } catch (dev.custodian.crm.core.common.error.ValidationException e) {
      e.errors().forEach(v::reject);
      command = null;
    }
    v.throwIfInvalid();
    int queued = useCases.queue(CurrentActor.of(ctx), command);
    ctx.status(HttpStatus.ACCEPTED).json(new MarketingBodies.MarketingMailResponse(command.purpose().value(), queued));
  }

  /** {@code POST}, public: 200 once the refusal is recorded (or the contact is gone). */
  void unsubscribe(Context ctx) {
    ConsentProof edge = new ConsentProof(Optional.empty(), Optional.empty(), Optional.empty(),
        ClientNetwork.of(Requests.clientIp(ctx)), Optional.ofNullable(ctx.userAgent()), Optional.empty());
    useCases.unsubscribe(ctx.pathParam("token"), edge, Requests.clientIp(ctx));
    ctx.header("Cache-Control", "no-store").html(DONE);
  }

  /** {@code GET}, public: the page whose button posts; nothing recorded. */
  void page(Context ctx) {
    String token = ctx.pathParam("token");
    useCases.checkUnsubscribe(token, Requests.clientIp(ctx));
    // A token that passed is "u1." and base64url: nothing in it needs escaping, and the action is relative.
    ctx.header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").html(PAGE.formatted(token));
  }
}
