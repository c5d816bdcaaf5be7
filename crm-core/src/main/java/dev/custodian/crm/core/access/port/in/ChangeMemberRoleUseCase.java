package dev.custodian.crm.core.access.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Membership;

/**
 * Use case: give a member another role (ADMIN and up). No one grants a role above their own; only
 * an OWNER grants OWNER or changes an OWNER; the last OWNER is never demoted, even when two owners
 * act at once.
 */
@FunctionalInterface
public interface ChangeMemberRoleUseCase {

  /**
   * @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace for the actor, or no such member
   * @throws dev.custodian.crm.core.common.error.ForbiddenException when the actor's role does not allow the change
   * @throws dev.custodian.crm.core.common.error.ConflictException of kind {@code LAST_OWNER}
   */
  Membership change(Actor actor, ChangeMemberRoleCommand command);
}
