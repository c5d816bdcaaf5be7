package dev.custodian.crm.core.timeline;

import dev.custodian.crm.core.activity.InMemoryActivityRepository;
import dev.custodian.crm.core.common.InMemoryPaging;
import dev.custodian.crm.core.common.ListFields;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.deal.DealId;
import dev.custodian.crm.core.deal.DealListing;
import dev.custodian.crm.core.deal.StageChange;
import dev.custodian.crm.core.deal.port.out.DealRepository;
import dev.custodian.crm.core.link.RecordRef;
import dev.custodian.crm.core.task.InMemoryTaskRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.timeline.port.out.TimelineRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** In-memory fake of {@link TimelineRepository}: merges the fakes' activities, tasks and stage history in memory. */
public final class InMemoryTimelineRepository implements TimelineRepository {

  private static final ListFields<TimelineItem> FIELDS = ListFields.<TimelineItem>of(TimelineItem::id)
      .with(TimelineListing.AT, TimelineItem::at);

  private final InMemoryActivityRepository activities;
  private final InMemoryTaskRepository tasks;
  private final DealRepository deals;

  public InMemoryTimelineRepository(InMemoryActivityRepository activities, InMemoryTaskRepository tasks,
      DealRepository deals) {
    this.activities = Objects.requireNonNull(activities, "activities");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.deals = Objects.requireNonNull(deals, "deals");
  }

  @Override
  public Page<TimelineItem> timeline(WorkspaceId workspace, RecordRef record, ListQuery query) {
    List<TimelineItem> items = new ArrayList<>();
    activities.all(workspace).filter(a -> a.links().names(record)).forEach(a -> items.add(
        new TimelineItem.ActivityEntry(a.id().value(), a.occurredAt(), a.kind(), a.subject(), a.duration())));
    tasks.all(workspace).filter(t -> t.links().names(record)).forEach(t -> items.add(
        new TimelineItem.TaskEntry(t.id().value(), t.createdAt(), t.title(), t.done(), t.dueAt(), t.assignee())));
    if (record.kind() == RecordRef.Kind.DEAL) {
      history(workspace, DealId.of(record.id())).forEach(c -> items.add(
          new TimelineItem.StageChangeEntry(c.id(), c.at(), c.deal(), c.from(), c.to())));
    }
    return InMemoryPaging.page(items.stream(), query.requireOffer(TimelineListing.OFFER), FIELDS);
  }

  private Stream<StageChange> history(WorkspaceId workspace, DealId deal) {
    List<StageChange> all = new ArrayList<>();
    Optional<ListQuery> query = Optional.of(ListQuery.first(DealListing.HISTORY_OFFER, 100));
    while (query.isPresent()) {
      Page<StageChange> page = deals.history(workspace, deal, query.get());
      all.addAll(page.items());
      query = query.get().next(page);
    }
    return all.stream();
  }
}
