package dev.custodian.crm.core.task.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.task.Task;
import dev.custodian.crm.core.task.TaskId;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/** Use case: read one task of a workspace. */
@FunctionalInterface
public interface GetTaskUseCase {

  /** @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace or task */
  Task get(Actor actor, WorkspaceId workspace, TaskId id);
}
