package dev.custodian.crm.core.account.port.in;

/** Use case: send the verification mail again; the same answer whether or not an account has the address. */
public interface ResendVerificationUseCase {

  /** @throws dev.custodian.crm.core.common.error.RateLimitedException after too many requests */
  void resend(EmailRequest request);
}
