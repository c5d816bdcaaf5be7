package dev.custodian.crm.http.account;

import dev.custodian.crm.core.account.port.in.AccountUseCases;
import dev.custodian.crm.core.account.port.in.EmailRequest;
import dev.custodian.crm.core.account.port.in.ResetPasswordCommand;
import dev.custodian.crm.core.account.port.in.SignUpCommand;
import dev.custodian.crm.core.account.port.in.UpdateProfileCommand;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.http.Access;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.RouteTable;
import dev.custodian.crm.http.common.CurrentActor;
import dev.custodian.crm.http.common.MergePatch;
import dev.custodian.crm.http.common.Requests;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Objects;
import java.util.Set;

/**
 * HTTP adapter: sign-up, email verification, password reset, and the signed-in account's profile. The routes that may mail an
 * address answer 202 with one fixed body whether or not an account has it, so they reveal nothing;
 * the client address they are throttled by is the socket's, never a header.
 */
final class AccountRoutes implements RouteGroup {

  static final String ROOT = "/api/v1/auth";
  static final String ME = "/api/v1/me";

  private static final Set<String> PROFILE_FIELDS = Set.of("name", "organisation");

  private final AccountUseCases useCases;

  AccountRoutes(AccountUseCases useCases) {
    this.useCases = Objects.requireNonNull(useCases, "useCases");
  }

  @Override
  public void addTo(RouteTable table) {
    table.post(ROOT + "/signup").access(Access.PUBLIC).describe("signUp", "Sign up; a mail confirms the address")
        .request(AccountRequests.SignUpRequest.class).responds(202, AccountRequests.AcceptedResponse.class)
        .handle(this::signUp);
    table.post(ROOT + "/verify-email").access(Access.PUBLIC).describe("verifyEmail", "Confirm the address with the mailed token")
        .request(AccountRequests.TokenRequest.class).responds(204, null).handle(this::verifyEmail);
    table.post(ROOT + "/verify-email/resend").access(Access.PUBLIC)
        .describe("resendVerification", "Mail a new verification link")
        .request(AccountRequests.EmailRequest.class).responds(202, AccountRequests.AcceptedResponse.class)
        .handle(this::resendVerification);
    table.post(ROOT + "/password-reset").access(Access.PUBLIC).describe("requestPasswordReset", "Mail a reset link")
        .request(AccountRequests.EmailRequest.class).responds(202, AccountRequests.AcceptedResponse.class)
        .handle(this::requestPasswordReset);
    table.post(ROOT + "/password-reset/confirm").access(Access.PUBLIC)
        .describe("resetPassword", "Set a new password with the mailed token")
        .request(AccountRequests.NewPasswordRequest.class).responds(204, null).handle(this::resetPassword);
    table.get(ME).access(Access.ACCOUNT).describe("getProfile", "Read your account")
        .responds(200, ProfileResponse.class).handle(this::profile);
    table.patch(ME).access(Access.ACCOUNT).describe("updateProfile", "Correct your name or organisation (a merge patch)")
        .mergePatch(AccountRequests.ProfilePatchRequest.class).responds(200, ProfileResponse.class)
        .handle(this::updateProfile);
  }

  void signUp(Context ctx) throws Exception {
    var body = Requests.jsonBody(ctx, AccountRequests.SignUpRequest.class);
    Validator v = new Validator();
    SignUpCommand command = SignUpCommand.of(v, useCases.passwordPolicy(), body.name(), body.email(),
        body.organisation(), body.password(), body.ageConfirmed(), Requests.clientIp(ctx));
    v.throwIfInvalid();
    useCases.signUp().signUp(command);
    accepted(ctx);
  }

  void verifyEmail(Context ctx) throws Exception {
    var body = Requests.jsonBody(ctx, AccountRequests.TokenRequest.class);
    Validator v = new Validator();
    String token = v.required("token", body.token(), t -> t);
    v.throwIfInvalid();
    useCases.verifyEmail().verify(token);
    ctx.status(HttpStatus.NO_CONTENT);
  }

  void resendVerification(Context ctx) throws Exception {
    useCases.resendVerification().resend(emailRequest(ctx));
    accepted(ctx);
  }

  void requestPasswordReset(Context ctx) throws Exception {
    useCases.requestPasswordReset().request(emailRequest(ctx));
    accepted(ctx);
  }

  void resetPassword(Context ctx) throws Exception {
    var body = Requests.jsonBody(ctx, AccountRequests.NewPasswordRequest.class);
    Validator v = new Validator();
    ResetPasswordCommand command = ResetPasswordCommand.of(v, useCases.passwordPolicy(), body.token(), body.password());
    v.throwIfInvalid();
    useCases.resetPassword().reset(command);
    ctx.status(HttpStatus.NO_CONTENT);
  }

  /** {@code GET /api/v1/me}: the signed-in account. */
  void profile(Context ctx) {
    ctx.json(ProfileResponse.from(useCases.profile().get(CurrentActor.of(ctx).account())));
  }

  /** {@code PATCH /api/v1/me}: a merge patch of {@code name} and {@code organisation} (DSR-03). */
  void updateProfile(Context ctx) throws Exception {
    Validator v = new Validator();
    MergePatch patch = MergePatch.of(Requests.mergePatchBody(ctx), PROFILE_FIELDS, "an account's profile", v);
    UpdateProfileCommand command = UpdateProfileCommand.of(v, patch.field("name"), patch.field("organisation"));
    v.throwIfInvalid();
    ctx.json(ProfileResponse.from(useCases.updateProfile().update(CurrentActor.of(ctx).account(), command)));
  }

  private EmailRequest emailRequest(Context ctx) throws Exception {
    var body = Requests.jsonBody(ctx, AccountRequests.EmailRequest.class);
    Validator v = new Validator();
    EmailRequest request = EmailRequest.of(v, body.email(), Requests.clientIp(ctx));
    v.throwIfInvalid();
    return request;
  }

  private static void accepted(Context ctx) {
    ctx.status(HttpStatus.ACCEPTED).json(AccountRequests.AcceptedResponse.INSTANCE);
  }
}
