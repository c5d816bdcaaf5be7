package dev.custodian.crm.core.task.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.task.Task;

/** Use case: create a task of a workspace. */
@FunctionalInterface
public interface CreateTaskUseCase {

  /**
   * @throws dev.custodian.crm.core.common.error.ValidationException naming {@code assigneeId} for an
   *     account that is no member, and each link field naming a record not of the workspace
   */
  Task create(Actor actor, CreateTaskCommand command);
}
