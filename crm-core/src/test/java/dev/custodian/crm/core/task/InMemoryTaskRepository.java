package dev.custodian.crm.core.task;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.InMemoryTenantTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.ListFields;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.deal.DealId;
import dev.custodian.crm.core.link.Links;
import dev.custodian.crm.core.link.port.out.LinkTargets;
import dev.custodian.crm.core.task.port.out.TaskRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * In-memory fake of {@link TaskRepository}; passes the same contract as the jOOQ adapter. Its links
 * must name records of its workspace as far as {@code targets} sees, as the foreign keys say.
 */
public final class InMemoryTaskRepository implements TaskRepository {

  /** The task list's fields, as {@link TaskListing#OFFER} names them. */
  public static final ListFields<Task> LIST_FIELDS = ListFields.<Task>of(t -> t.id().value())
      .with(TaskListing.ASSIGNEE_ID, t -> t.assignee().map(AccountId::value).orElse(null))
      .with(TaskListing.DONE, t -> String.valueOf(t.done()))
      .with(TaskListing.DUE_AT, t -> t.dueAt().orElse(null))
      .with(TaskListing.CREATED_AT, Task::createdAt);

  private final InMemoryTenantTable<TaskId, Task> table;
  private final LinkTargets targets;

  public InMemoryTaskRepository(InMemoryTransactions transactions, LinkTargets targets) {
    this.table = InMemoryTenantTable.builder(transactions, Task::workspace, Task::id)
        .duplicateKeyMessage("task already exists")
        .build();
    this.targets = Objects.requireNonNull(targets, "targets");
  }

  @Override
  public void insert(Task task) {
    requireTargets(task.workspace(), task.links());
    table.insert(task);
  }

  @Override
  public Optional<Task> findById(WorkspaceId workspace, TaskId id) {
    return table.find(workspace, id);
  }

  @Override
  public Page<Task> list(WorkspaceId workspace, ListQuery query) {
    return table.list(workspace, query.requireOffer(TaskListing.OFFER), LIST_FIELDS);
  }

  @Override
  public boolean update(Task changed, long expectedVersion) {
    boolean current = findById(changed.workspace(), changed.id())
        .filter(stored -> stored.version() == expectedVersion).isPresent();
    if (!current) {
      return false;
    }
    requireTargets(changed.workspace(), changed.links());
    return table.replace(changed);
  }

  @Override
  public boolean delete(WorkspaceId workspace, TaskId id, OptionalLong expectedVersion) {
    boolean matches = findById(workspace, id)
        .filter(stored -> expectedVersion.isEmpty() || stored.version() == expectedVersion.getAsLong())
        .isPresent();
    return matches && table.remove(workspace, id);
  }

  @Override
  public int unlinkContact(WorkspaceId workspace, ContactId contact) {
    return unlink(workspace, t -> t.links().contacts().contains(contact), links -> links.without(contact));
  }

  @Override
  public int unlinkCompany(WorkspaceId workspace, CompanyId company) {
    return unlink(workspace, t -> t.links().companies().contains(company), links -> links.without(company));
  }

  @Override
  public int unlinkDeal(WorkspaceId workspace, DealId deal) {
    return unlink(workspace, t -> t.links().deals().contains(deal), links -> links.without(deal));
  }

  /** Drops the links; the tasks stay, at their version (as the cascade does). */
  private int unlink(WorkspaceId workspace, Predicate<Task> linked, Function<Links, Links> without) {
    List<Task> found = table.visible(workspace).filter(linked).toList();
    found.forEach(t -> table.replace(copy(t, without.apply(t.links()), t.assignee(), t.version())));
    return found.size();
  }

  @Override
  public int memberLeft(WorkspaceId workspace, AccountId member) {
    List<Task> assigned = table.visible(workspace).filter(t -> t.assignee().equals(Optional.of(member))).toList();
    assigned.forEach(t -> table.replace(copy(t, t.links(), Optional.empty(), t.version() + 1)));
    return assigned.size();
  }

  @Override
  public int deleteOfContactAlone(WorkspaceId workspace, ContactId contact) {
    List<Task> alone = table.visible(workspace).filter(t -> t.links().contacts().equals(Set.of(contact))).toList();
    alone.forEach(t -> table.remove(workspace, t.id()));
    return alone.size();
  }

  @Override
  public List<TaskId> unlinkSharedContact(WorkspaceId workspace, ContactId contact) {
    List<Task> shared = table.visible(workspace)
        .filter(t -> t.links().contacts().contains(contact) && t.links().contacts().size() > 1).toList();
    shared.forEach(t -> table.replace(copy(t, t.links().without(contact), t.assignee(), t.version() + 1)));
    return shared.stream().map(Task::id).toList();
  }

  /** Everything stored for the workspace, for the timeline fake. */
  public Stream<Task> all(WorkspaceId workspace) {
    return table.visible(workspace);
  }

  private static Task copy(Task t, Links links, Optional<AccountId> assignee, long version) {
    return Task.reconstitute(t.workspace(), t.id(), t.title(), t.body(), t.dueAt(), t.doneAt(), assignee, links,
        t.createdAt(), t.updatedAt(), version);
  }

  private void requireTargets(WorkspaceId workspace, Links links) {
    var unknown = targets.unknown(workspace, links);
    if (!unknown.isEmpty()) {
      throw new ValidationException(unknown.stream()
          .map(field -> FieldError.field(field, "must all name records of this workspace")).toList());
    }
  }
}
