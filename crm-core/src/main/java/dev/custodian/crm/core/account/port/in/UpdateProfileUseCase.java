package dev.custodian.crm.core.account.port.in;

import dev.custodian.crm.core.account.Account;
import dev.custodian.crm.core.account.AccountId;

/** Use case: an account holder corrects their own name or organisation (DSR-03). */
@FunctionalInterface
public interface UpdateProfileUseCase {

  /**
   * @return the account as stored after the change
   * @throws dev.custodian.crm.core.common.error.NotFoundException when the account is gone
   */
  Account update(AccountId self, UpdateProfileCommand command);
}
