package dev.custodian.crm.core.task.service;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.link.port.out.LinkTargets;
import dev.custodian.crm.core.task.TaskListing;
import dev.custodian.crm.core.task.port.in.TaskUseCases;
import dev.custodian.crm.core.task.port.out.TaskRepository;
import dev.custodian.crm.core.task.port.out.WorkspaceMembers;
import java.time.Clock;

/** Factory: the task use cases over their out-ports (a read, the list and the delete need no service class). */
public final class TaskServices {

  private TaskServices() {}

  public static TaskUseCases create(WorkspaceTransactions transactions, TaskRepository tasks, LinkTargets targets,
      WorkspaceMembers members, IdGenerator ids, Clock clock) {
    return new TaskUseCases(
        new CreateTaskService(transactions, tasks, targets, members, ids, clock),
        (actor, workspace, id) -> transactions.inWorkspace(workspace, actor, Permission.TASK_READ,
            () -> tasks.findById(workspace, id).orElseThrow(() -> new NotFoundException("task"))),
        (actor, workspace, query) -> transactions.list(actor, Permission.TASK_READ, workspace,
            query.requireOffer(TaskListing.OFFER), tasks::list),
        new UpdateTaskService(transactions, tasks, targets, members, clock),
        (actor, command) -> transactions.inWorkspace(command.workspace(), actor, Permission.TASK_WRITE, () -> {
          if (tasks.delete(command.workspace(), command.id(), command.expectedVersion())) {
            return null;
          }
          boolean exists = tasks.findById(command.workspace(), command.id()).isPresent();
          throw exists && command.expectedVersion().isPresent()
              ? PreconditionFailedException.stale("task")
              : new NotFoundException("task");
        }));
  }
}
