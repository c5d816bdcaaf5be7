package dev.custodian.crm.http.timeline;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.activity.ActivityDuration;
import dev.custodian.crm.core.activity.ActivitySubject;
import dev.custodian.crm.core.deal.StageSnapshot;
import dev.custodian.crm.core.timeline.TimelineItem;
import java.time.Instant;
import java.util.UUID;

/**
 * One timeline entry: {@code type} ({@code activity}, {@code task} or {@code stageChange}), its
 * time {@code at} and {@code id}, then the fields of its type (the others absent).
 */
record TimelineItemResponse(String type, Instant at, UUID id, String kind, String subject, String duration,
    String title, Boolean done, Instant dueAt, UUID assigneeId, UUID dealId, StageRef from, StageRef to) {

  /** A stage with its name and kind as they were then. */
  record StageRef(UUID id, String name, String kind) {

    static StageRef from(StageSnapshot stage) {
      return new StageRef(stage.id().value(), stage.name().value(), stage.kind().apiName());
    }
  }

  static TimelineItemResponse from(TimelineItem item) {
    if (item instanceof TimelineItem.ActivityEntry a) {
      return new TimelineItemResponse("activity", a.at(), a.id(), a.kind().apiName(),
          a.subject().map(ActivitySubject::value).orElse(null), a.duration().map(ActivityDuration::toString).orElse(null),
          null, null, null, null, null, null, null);
    }
    if (item instanceof TimelineItem.TaskEntry t) {
      return new TimelineItemResponse("task", t.at(), t.id(), null, null, null, t.title().value(), t.done(),
          t.dueAt().orElse(null), t.assignee().map(AccountId::value).orElse(null), null, null, null);
    }
    TimelineItem.StageChangeEntry c = (TimelineItem.StageChangeEntry) item;
    return new TimelineItemResponse("stageChange", c.at(), c.id(), null, null, null, null, null, null, null,
        c.deal().value(), c.from().map(StageRef::from).orElse(null), StageRef.from(c.to()));
  }
}
