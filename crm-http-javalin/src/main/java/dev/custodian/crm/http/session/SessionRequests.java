package dev.custodian.crm.http.session;

import java.time.Instant;
import java.util.UUID;

/** Bodies of the session routes: plain and lenient, validated by the core's commands. */
final class SessionRequests {

  private SessionRequests() {}

  /** {@code POST /api/v1/auth/login}. */
  record LoginRequest(String email, String password) {}

  /** {@code POST /api/v1/me/password}; {@code new} is a Java keyword, hence the accessor name. */
  record ChangePasswordRequest(String current, @com.fasterxml.jackson.annotation.JsonProperty("new") String next) {}

  /**
   * The answer of a sign-in: whose session it is and until when; the token itself goes only in
   * the cookie (ACC-08).
   */
  record SignedInResponse(UUID accountId, Instant sessionExpiresAt) {}

  /** The answer of a right password when a second factor must follow (no session yet). */
  record SecondFactorResponse(boolean secondFactorRequired) {}
}
