package dev.custodian.crm.core.activity.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.activity.Activity;

/** Use case: change some fields of an activity, unless someone else changed it first. */
@FunctionalInterface
public interface UpdateActivityUseCase {

  /**
   * @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace or activity
   * @throws dev.custodian.crm.core.common.error.PreconditionFailedException when the version is stale
   * @throws dev.custodian.crm.core.common.error.ValidationException for links out of bounds or not of
   *     the workspace, or a duration on a kind without one
   */
  Activity update(Actor actor, UpdateActivityCommand command);
}
