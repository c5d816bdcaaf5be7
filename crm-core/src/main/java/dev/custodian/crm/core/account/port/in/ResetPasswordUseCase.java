package dev.custodian.crm.core.account.port.in;

/**
 * Use case: set a new password with the token of a reset mail; the mail proved the address, so it
 * counts as verified too. A password the policy refuses leaves the token usable.
 */
public interface ResetPasswordUseCase {

  /** @throws dev.custodian.crm.core.common.error.InvalidTokenException when the token is unknown, expired or used */
  void reset(ResetPasswordCommand command);
}
