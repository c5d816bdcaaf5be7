package dev.custodian.crm.core.timeline;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.activity.ActivityDuration;
import dev.custodian.crm.core.activity.ActivityKind;
import dev.custodian.crm.core.activity.ActivitySubject;
import dev.custodian.crm.core.deal.DealId;
import dev.custodian.crm.core.deal.StageSnapshot;
import dev.custodian.crm.core.task.TaskTitle;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One entry of a timeline, at its time: an activity (when it occurred), a task (when it was
 * created) or a deal's stage change (when it was made). The id is the activity's, the task's or
 * the change's; the full record is read through its own route.
 */
public sealed interface TimelineItem {

  UUID id();

  Instant at();

  /** An activity linked to the record. */
  record ActivityEntry(UUID id, Instant at, ActivityKind kind, Optional<ActivitySubject> subject,
      Optional<ActivityDuration> duration) implements TimelineItem {
    public ActivityEntry {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(duration, "duration");
    }
  }

  /** A task linked to the record. */
  record TaskEntry(UUID id, Instant at, TaskTitle title, boolean done, Optional<Instant> dueAt,
      Optional<AccountId> assignee) implements TimelineItem {
    public TaskEntry {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(dueAt, "dueAt");
      Objects.requireNonNull(assignee, "assignee");
    }
  }

  /** A deal's creation (no {@code from}) or move. */
  record StageChangeEntry(UUID id, Instant at, DealId deal, Optional<StageSnapshot> from, StageSnapshot to)
      implements TimelineItem {
    public StageChangeEntry {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(deal, "deal");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }
}
