package dev.custodian.crm.core.session.port.in;

import dev.custodian.crm.core.account.AccountId;

/**
 * Use case: a signed-in account changes its password. Every session of the account ends (ACC-07);
 * the changing client gets a new one.
 */
@FunctionalInterface
public interface ChangePasswordUseCase {

  /**
   * @return the changing client's new session
   * @throws dev.custodian.crm.core.common.error.ForbiddenException of kind
   *     {@code REAUTHENTICATION_FAILED} for a wrong current password, which counts as a failed sign-in
   * @throws dev.custodian.crm.core.common.error.RateLimitedException after too many failed sign-ins
   */
  IssuedSession change(AccountId account, ChangePasswordCommand command);
}
