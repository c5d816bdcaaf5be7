package dev.custodian.crm.core.access.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/**
 * Use case: remove a member (ADMIN and up; an OWNER only by an OWNER), or leave a workspace
 * oneself (any member). The last OWNER can do neither. The API keys the member made are revoked.
 */
@FunctionalInterface
public interface RemoveMemberUseCase {

  /**
   * @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace for the actor, or no such member
   * @throws dev.custodian.crm.core.common.error.ForbiddenException when the actor's role does not allow it
   * @throws dev.custodian.crm.core.common.error.ConflictException of kind {@code LAST_OWNER}
   */
  void remove(Actor actor, WorkspaceId workspace, AccountId member);
}
