package dev.custodian.crm.core.account.port.in;

/**
 * Use case: sign up. A new address gets an account and a verification mail; a taken one gets an
 * "account exists" mail and nothing changes — the caller cannot tell which (same answer, same
 * hashing work), so sign-up does not reveal who has an account.
 */
public interface SignUpUseCase {

  /**
   * @throws dev.custodian.crm.core.common.error.RateLimitedException after too many requests for
   *     the address or from the client address
   * @throws dev.custodian.crm.core.common.error.BusyException when too many passwords are being hashed
   */
  void signUp(SignUpCommand command);
}
