package dev.custodian.crm.http.session;

import dev.custodian.crm.core.audit.ClientInfo;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.session.port.in.ChangePasswordCommand;
import dev.custodian.crm.core.session.port.in.IssuedSession;
import dev.custodian.crm.core.session.port.in.SessionUseCases;
import dev.custodian.crm.core.session.port.in.SignInCommand;
import dev.custodian.crm.core.session.port.in.SignInOutcome;
import dev.custodian.crm.http.Access;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.RouteTable;
import dev.custodian.crm.http.common.CurrentActor;
import dev.custodian.crm.http.common.Requests;
import dev.custodian.crm.http.common.SessionCookie;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Objects;

/**
 * HTTP adapter: sign-in, sign-out and the password change. A session token only ever travels in
 * the session cookie; the client address a sign-in is throttled by is the socket's, never a header.
 */
final class SessionRoutes implements RouteGroup {

  private final SessionUseCases useCases;
  private final Clock clock;

  SessionRoutes(SessionUseCases useCases, Clock clock) {
    this.useCases = Objects.requireNonNull(useCases, "useCases");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void addTo(RouteTable table) {
    table.post("/api/v1/auth/login").access(Access.PUBLIC).describe("signIn", "Sign in: a new session's cookie")
        .request(SessionRequests.LoginRequest.class).responds(200, SessionRequests.SignedInResponse.class)
        .handle(this::login);
    // Public, so that a client whose session ended can still clear its cookie.
    table.post("/api/v1/auth/logout").access(Access.PUBLIC).describe("signOut", "End the session and clear its cookie")
        .responds(204, null).handle(this::logout);
    table.post("/api/v1/me/password").access(Access.ACCOUNT)
        .describe("changePassword", "Change your password; every other session ends")
        .request(SessionRequests.ChangePasswordRequest.class).responds(204, null).handle(this::changePassword);
  }

  /** {@code POST /api/v1/auth/login}: 200 and a new session's cookie. */
  void login(Context ctx) throws Exception {
    var body = Requests.jsonBody(ctx, SessionRequests.LoginRequest.class);
    Validator v = new Validator();
    SignInCommand command = SignInCommand.of(v, body.email(), body.password(), Requests.clientIp(ctx),
        ctx.userAgent());
    v.throwIfInvalid();
    SignInOutcome outcome = useCases.signIn().signIn(command);
    if (outcome instanceof SignInOutcome.SignedIn signedIn) {
      IssuedSession session = signedIn.session();
      SessionCookie.set(ctx, session, clock);
      ctx.json(new SessionRequests.SignedInResponse(signedIn.account().value(), session.expiresAt()));
    } else {
      ctx.status(HttpStatus.ACCEPTED).json(new SessionRequests.SecondFactorResponse(true));
    }
  }

  /** {@code POST /api/v1/auth/logout}: 204, the session ended (if there was one) and the cookie cleared. */
  void logout(Context ctx) {
    ClientInfo client = ClientInfo.of(Requests.clientIp(ctx), ctx.userAgent());
    SessionCookie.read(ctx).ifPresent(token -> useCases.signOut().signOut(token, client));
    SessionCookie.clear(ctx);
    ctx.status(HttpStatus.NO_CONTENT);
  }

  /** {@code POST /api/v1/me/password}: 204 and a new session's cookie; every other session ends. */
  void changePassword(Context ctx) throws Exception {
    var body = Requests.jsonBody(ctx, SessionRequests.ChangePasswordRequest.class);
    Validator v = new Validator();
    ChangePasswordCommand command = ChangePasswordCommand.of(v, useCases.passwordPolicy(), body.current(),
        body.next(), Requests.clientIp(ctx));
    v.throwIfInvalid();
    IssuedSession session = useCases.changePassword().change(CurrentActor.of(ctx).account(), command);
    SessionCookie.set(ctx, session, clock);
    ctx.status(HttpStatus.NO_CONTENT);
  }
}
