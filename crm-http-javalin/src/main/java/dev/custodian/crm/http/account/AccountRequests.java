package dev.custodian.crm.http.account;

/** Bodies of the account routes: plain and lenient, validated by the core's commands. */
final class AccountRequests {

  private AccountRequests() {}

  /** {@code POST /api/v1/auth/signup}: nothing but what registration needs (ACC-09). */
  record SignUpRequest(String name, String email, String organisation, String password, Boolean ageConfirmed) {}

  /** {@code POST .../verify-email/resend} and {@code POST .../password-reset}. */
  record EmailRequest(String email) {}

  /** {@code POST .../verify-email}. */
  record TokenRequest(String token) {}

  /** {@code POST .../password-reset/confirm}. */
  record NewPasswordRequest(String token, String password) {}

  /** {@code PATCH /api/v1/me}: the fields its merge patch may hold (read through {@code MergePatch}). */
  record ProfilePatchRequest(String name, String organisation) {}

  /** The one answer of every request that may mail an address, whoever has it. */
  record AcceptedResponse(String message) {

    static final AcceptedResponse INSTANCE =
        new AcceptedResponse("If this address can be used, a mail is on its way to it.");
  }
}
