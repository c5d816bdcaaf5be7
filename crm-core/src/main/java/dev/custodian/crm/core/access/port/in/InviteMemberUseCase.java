package dev.custodian.crm.core.access.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Invitation;

/**
 * Use case: invite an address to join a workspace with a role (ADMIN and up; never above one's own
 * role). The invitation mail carries a single-use token; a newer invitation to the address voids
 * the older ones.
 */
@FunctionalInterface
public interface InviteMemberUseCase {

  /**
   * @throws dev.custodian.crm.core.common.error.ForbiddenException for a role above the actor's
   * @throws dev.custodian.crm.core.common.error.ConflictException of kind {@code DUPLICATE} when
   *     the address's account is a member already
   */
  Invitation invite(Actor actor, InviteMemberCommand command);
}
