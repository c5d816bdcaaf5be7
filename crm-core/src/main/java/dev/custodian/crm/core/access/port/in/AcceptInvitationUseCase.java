package dev.custodian.crm.core.access.port.in;

import dev.custodian.crm.core.access.Membership;
import dev.custodian.crm.core.account.AccountId;

/**
 * Use case: a signed-in account whose verified email is the invited one accepts an invitation and
 * becomes a member with its role. For any other account the invitation does not exist (and its
 * token stays usable for the invited one).
 */
@FunctionalInterface
public interface AcceptInvitationUseCase {

  /**
   * @throws dev.custodian.crm.core.common.error.InvalidTokenException for a token unknown, expired or used
   * @throws dev.custodian.crm.core.common.error.NotFoundException when the invitation is not for this account or no longer pending
   * @throws dev.custodian.crm.core.common.error.ConflictException of kind {@code DUPLICATE} for a member already
   */
  Membership accept(AccountId self, String token);
}
