package dev.custodian.crm.core.session.port.in;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.account.Password;

/**
 * In-port: a signed-in person confirms a sensitive step with their password (a workspace deleted
 * now), throttled like a sign-in: a wrong one counts as a failed sign-in.
 */
public interface ReauthenticateUseCase {

  /**
   * Checks {@code password} against the account's; wipes it either way.
   *
   * @throws dev.custodian.crm.core.common.error.ForbiddenException of kind
   *     {@code REAUTHENTICATION_FAILED} for a wrong password
   * @throws dev.custodian.crm.core.common.error.RateLimitedException when the account or the client
   *     address has failed too often
   */
  void reauthenticate(AccountId self, Password password, String clientIp);
}
