package dev.custodian.crm.core.myexport.port.in;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.myexport.MyData;

/**
 * Use case: an account holder takes a copy of their own data (DSR-01, DSR-06 for accounts), at
 * most 3 times an hour, recorded on the platform's audit chain.
 */
@FunctionalInterface
public interface ExportMyDataUseCase {

  /**
   * @throws dev.custodian.crm.core.common.error.RateLimitedException from the 4th call in an hour
   * @throws dev.custodian.crm.core.common.error.NotFoundException when the account is gone
   */
  MyData export(AccountId self);
}
