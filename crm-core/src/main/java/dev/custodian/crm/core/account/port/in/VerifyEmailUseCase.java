package dev.custodian.crm.core.account.port.in;

/** Use case: confirm an account's email address with the token of its verification mail. */
public interface VerifyEmailUseCase {

  /** @throws dev.custodian.crm.core.common.error.InvalidTokenException when the token is unknown, expired or used */
  void verify(String token);
}
