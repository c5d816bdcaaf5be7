package dev.custodian.crm.privacy.erasure.service;

import dev.custodian.crm.core.activity.ActivityId;
import dev.custodian.crm.core.activity.port.out.ActivityRepository;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.erasure.ErasureParticipant;
import dev.custodian.crm.core.task.TaskId;
import dev.custodian.crm.core.task.port.out.TaskRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Erasure participants of activities and tasks, run before the contact record goes, in this
 * order: {@code activities} deletes those whose only linked contact is the erased one (even with
 * company or deal links: they are about the person); {@code activityLinks} drops the link from
 * those that also name other contacts, which are kept and listed for review, since their subject
 * and body are free text that no participant reads or rewrites; {@code tasks} and
 * {@code taskLinks} likewise for tasks.
 */
final class ActivityAndTaskParticipants {

  private ActivityAndTaskParticipants() {}

  static List<ErasureParticipant> of(ActivityRepository activities, TaskRepository tasks) {
    Objects.requireNonNull(activities, "activities");
    Objects.requireNonNull(tasks, "tasks");
    return List.of(
        deleting(ErasureServices.ACTIVITIES, activities::deleteOfContactAlone),
        unlinking(ErasureServices.ACTIVITY_LINKS, (w, c) ->
            activities.unlinkSharedContact(w, c).stream().map(ActivityId::value).toList()),
        deleting(ErasureServices.TASKS, tasks::deleteOfContactAlone),
        unlinking(ErasureServices.TASK_LINKS, (w, c) ->
            tasks.unlinkSharedContact(w, c).stream().map(TaskId::value).toList()));
  }

  private static ErasureParticipant deleting(String name, BiFunction<WorkspaceId, ContactId, Integer> delete) {
    return new ErasureParticipant() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int eraseContact(WorkspaceId workspace, ContactId contact) {
        return delete.apply(workspace, contact);
      }
    };
  }

  private static ErasureParticipant unlinking(String name,
      BiFunction<WorkspaceId, ContactId, List<java.util.UUID>> unlink) {
    return new ErasureParticipant() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int eraseContact(WorkspaceId workspace, ContactId contact) {
        return erase(workspace, contact).removed();
      }

      /** One link dropped per record kept; each kept record is for review. */
      @Override
      public Outcome erase(WorkspaceId workspace, ContactId contact) {
        List<java.util.UUID> kept = unlink.apply(workspace, contact);
        return new Outcome(kept.size(), kept);
      }
    };
  }
}
