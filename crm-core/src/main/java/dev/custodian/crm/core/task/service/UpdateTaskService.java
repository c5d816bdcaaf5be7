package dev.custodian.crm.core.task.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.link.Body;
import dev.custodian.crm.core.link.Links;
import dev.custodian.crm.core.link.port.out.LinkTargets;
import dev.custodian.crm.core.task.Task;
import dev.custodian.crm.core.task.TaskTitle;
import dev.custodian.crm.core.task.port.in.UpdateTaskCommand;
import dev.custodian.crm.core.task.port.in.UpdateTaskUseCase;
import dev.custodian.crm.core.task.port.out.TaskRepository;
import dev.custodian.crm.core.task.port.out.WorkspaceMembers;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Service: applies a merge patch with optimistic locking; a new assignee must be a member, new
 * links must name records of the workspace, every error at once. Of two changes based on one
 * version, the second is refused (412).
 */
public final class UpdateTaskService implements UpdateTaskUseCase {

  private final WorkspaceTransactions transactions;
  private final TaskRepository tasks;
  private final LinkTargets targets;
  private final WorkspaceMembers members;
  private final Clock clock;

  public UpdateTaskService(WorkspaceTransactions transactions, TaskRepository tasks, LinkTargets targets,
      WorkspaceMembers members, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.targets = Objects.requireNonNull(targets, "targets");
    this.members = Objects.requireNonNull(members, "members");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Task update(Actor actor, UpdateTaskCommand command) {
    return transactions.inWorkspace(command.workspace(), actor, Permission.TASK_WRITE, () -> {
      Task current = tasks.findById(command.workspace(), command.id())
          .orElseThrow(() -> new NotFoundException("task"));
      if (current.version() != command.expectedVersion()) {
        throw PreconditionFailedException.stale("task");
      }
      Validator v = new Validator();
      TaskTitle title = valueOr(command.title(), current.title());
      Optional<Body> body = optionalValueOr(command.body(), current.body());
      Optional<Instant> dueAt = optionalValueOr(command.dueAt(), current.dueAt());
      boolean done = valueOr(command.done(), current.done());
      Optional<AccountId> assignee = optionalValueOr(command.assignee(), current.assignee());
      if (assignee.isPresent() && !assignee.equals(current.assignee())
          && !members.isMember(command.workspace(), assignee.get())) {
        v.reject(TaskFields.ASSIGNEE_ID, TaskFields.NOT_A_MEMBER);
      }
      Links links = Links.patched(v, current.links(), list(command.contactIds()), cleared(command.contactIds()),
          list(command.companyIds()), cleared(command.companyIds()), list(command.dealIds()),
          cleared(command.dealIds()), 0);
      if (links != null && !links.equals(current.links())) {
        targets.check(v, command.workspace(), links);
      }
      v.throwIfInvalid();
      if (title.equals(current.title()) && body.equals(current.body()) && dueAt.equals(current.dueAt())
          && done == current.done() && assignee.equals(current.assignee()) && links.equals(current.links())) {
        return current; // a change that changes nothing: no new version, nothing written
      }
      Task changed = current.changed(title, body, dueAt, done, assignee, links, Timestamps.now(clock));
      if (!tasks.update(changed, command.expectedVersion())) {
        throw PreconditionFailedException.stale("task");
      }
      return changed;
    });
  }

  private static List<String> list(PatchValue<List<String>> patch) {
    return patch instanceof PatchValue.Set<List<String>> set ? set.value() : null;
  }

  private static boolean cleared(PatchValue<List<String>> patch) {
    return patch instanceof PatchValue.Clear;
  }

  private static <T> T valueOr(PatchValue<T> patch, T current) {
    return patch instanceof PatchValue.Set<T> set ? set.value() : current;
  }

  private static <T> Optional<T> optionalValueOr(PatchValue<T> patch, Optional<T> current) {
    return patch instanceof PatchValue.Clear
        ? Optional.empty()
        : Optional.ofNullable(valueOr(patch, current.orElse(null)));
  }
}
