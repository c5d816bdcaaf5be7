package dev.custodian.crm.core.task.port.in;

import dev.custodian.crm.core.access.Actor;

/** Use case: delete a task with its links. */
@FunctionalInterface
public interface DeleteTaskUseCase {

  /**
   * @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace or task
   * @throws dev.custodian.crm.core.common.error.PreconditionFailedException when the version is stale
   */
  void delete(Actor actor, DeleteTaskCommand command);
}
