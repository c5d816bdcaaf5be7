package dev.custodian.crm.core.task.port.out;

import dev.custodian.crm.core.access.port.out.MemberDepartures;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.company.port.out.CompanyLinks;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.port.out.ContactLinks;
import dev.custodian.crm.core.deal.port.out.DealLinks;
import dev.custodian.crm.core.task.Task;
import dev.custodian.crm.core.task.TaskId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Out-port: stores tasks with their links. Scoped, joining and failing as every repository; a link
 * must name a record of the task's workspace (otherwise a
 * {@link dev.custodian.crm.core.common.error.ValidationException} naming its field, storing
 * nothing). Unlinking a contact, company or deal keeps the task; a member's departure unassigns
 * their tasks.
 */
public interface TaskRepository extends ContactLinks, CompanyLinks, DealLinks, MemberDepartures {

  void insert(Task task);

  Optional<Task> findById(WorkspaceId workspace, TaskId id);

  /** A page of the workspace's tasks (a query of {@link dev.custodian.crm.core.task.TaskListing#OFFER}). */
  Page<Task> list(WorkspaceId workspace, ListQuery query);

  /** Replaces the stored task and its links if its version is still {@code expectedVersion}. */
  boolean update(Task changed, long expectedVersion);

  boolean delete(WorkspaceId workspace, TaskId id, OptionalLong expectedVersion);

  /** Erasure: deletes the tasks whose only linked contact is {@code contact}, whatever else they name. */
  int deleteOfContactAlone(WorkspaceId workspace, ContactId contact);

  /** Erasure: drops the links to {@code contact} from the tasks that also name other contacts (kept). */
  List<TaskId> unlinkSharedContact(WorkspaceId workspace, ContactId contact);
}
