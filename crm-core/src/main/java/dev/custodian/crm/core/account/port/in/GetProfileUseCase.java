package dev.custodian.crm.core.account.port.in;

import dev.custodian.crm.core.account.Account;
import dev.custodian.crm.core.account.AccountId;

/** Use case: an account holder reads their own account. */
@FunctionalInterface
public interface GetProfileUseCase {

  /** @throws dev.custodian.crm.core.common.error.NotFoundException when the account is gone */
  Account get(AccountId self);
}
