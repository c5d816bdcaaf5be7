package dev.custodian.crm.core.task.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.link.port.out.LinkTargets;
import dev.custodian.crm.core.task.Task;
import dev.custodian.crm.core.task.TaskId;
import dev.custodian.crm.core.task.port.in.CreateTaskCommand;
import dev.custodian.crm.core.task.port.in.CreateTaskUseCase;
import dev.custodian.crm.core.task.port.out.TaskRepository;
import dev.custodian.crm.core.task.port.out.WorkspaceMembers;
import java.time.Clock;
import java.util.Objects;

/** Service: adds a task after checking its assignee's membership and its links, reporting both at once. */
public final class CreateTaskService implements CreateTaskUseCase {

  private final WorkspaceTransactions transactions;
  private final TaskRepository tasks;
  private final LinkTargets targets;
  private final WorkspaceMembers members;
  private final IdGenerator ids;
  private final Clock clock;

  public CreateTaskService(WorkspaceTransactions transactions, TaskRepository tasks, LinkTargets targets,
      WorkspaceMembers members, IdGenerator ids, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.targets = Objects.requireNonNull(targets, "targets");
    this.members = Objects.requireNonNull(members, "members");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Task create(Actor actor, CreateTaskCommand command) {
    return transactions.inWorkspace(command.workspace(), actor, Permission.TASK_WRITE, () -> {
      Validator v = new Validator();
      command.assignee().filter(a -> !members.isMember(command.workspace(), a))
          .ifPresent(a -> v.reject(TaskFields.ASSIGNEE_ID, TaskFields.NOT_A_MEMBER));
      targets.check(v, command.workspace(), command.links());
      v.throwIfInvalid();
      Task task = Task.create(command.workspace(), TaskId.of(ids.newId()), command.title(), command.body(),
          command.dueAt(), command.done(), command.assignee(), command.links(), Timestamps.now(clock));
      tasks.insert(task);
      return task;
    });
  }
}
