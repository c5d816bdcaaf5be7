package dev.custodian.crm.core.activity.port.in;

import dev.custodian.crm.core.access.Actor;

/** Use case: delete an activity with its links. */
@FunctionalInterface
public interface DeleteActivityUseCase {

  /**
   * @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace or activity
   * @throws dev.custodian.crm.core.common.error.PreconditionFailedException when the version is stale
   */
  void delete(Actor actor, DeleteActivityCommand command);
}
