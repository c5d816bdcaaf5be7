package dev.custodian.crm.core.account.port.in;

/** Use case: mail a password-reset link; the same answer whether or not an account has the address. */
public interface RequestPasswordResetUseCase {

  /** @throws dev.custodian.crm.core.common.error.RateLimitedException after too many requests */
  void request(EmailRequest request);
}
