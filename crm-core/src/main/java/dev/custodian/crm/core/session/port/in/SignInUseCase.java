package dev.custodian.crm.core.session.port.in;

/**
 * Use case: sign in with email and password; a success always starts a new session. Failures are
 * throttled per account (existing or not) and per client address (SEC-07).
 */
public interface SignInUseCase {

  /**
   * @throws dev.custodian.crm.core.common.error.UnauthenticatedException for an unknown email or a
   *     wrong password alike, after the same hashing work
   * @throws dev.custodian.crm.core.common.error.ForbiddenException of kind
   *     {@code EMAIL_NOT_VERIFIED}, only after the right password
   * @throws dev.custodian.crm.core.common.error.RateLimitedException after too many failures, even
   *     with the right password
   */
  SignInOutcome signIn(SignInCommand command);
}
