package dev.custodian.crm.persistence.activity;

import static dev.custodian.crm.persistence.generated.Tables.ACTIVITIES;
import static dev.custodian.crm.persistence.generated.Tables.ACTIVITY_LINKS;
import static dev.custodian.crm.persistence.generated.Tables.DEAL_STAGE_CHANGES;
import static dev.custodian.crm.persistence.generated.Tables.TASKS;
import static dev.custodian.crm.persistence.generated.Tables.TASK_LINKS;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.activity.ActivityDuration;
import dev.custodian.crm.core.activity.ActivityKind;
import dev.custodian.crm.core.activity.ActivitySubject;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.deal.DealId;
import dev.custodian.crm.core.deal.StageSnapshot;
import dev.custodian.crm.core.link.RecordRef;
import dev.custodian.crm.core.pipeline.StageId;
import dev.custodian.crm.core.pipeline.StageKind;
import dev.custodian.crm.core.pipeline.StageName;
import dev.custodian.crm.core.task.TaskTitle;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.timeline.TimelineItem;
import dev.custodian.crm.core.timeline.TimelineListing;
import dev.custodian.crm.core.timeline.port.out.TimelineRepository;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.KeysetPaging;
import dev.custodian.crm.persistence.common.ListColumns;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Persistence adapter: {@link TimelineRepository} in one statement: the record's activities, tasks
 * and (for a deal) stage changes as one {@code UNION ALL} with common columns, walked by time then
 * id like every list. Each part filters by the workspace and reaches the record through its link
 * rows' indexes {@code (tenant_id, <kind>_id)}.
 */
final class JooqTimelineRepository implements TimelineRepository {

  private static final String ACTIVITY = "activity";
  private static final String TASK = "task";
  private static final String STAGE_CHANGE = "stageChange";

  private final JooqTransactions transactions;

  JooqTimelineRepository(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public Page<TimelineItem> timeline(WorkspaceId workspace, RecordRef record, ListQuery query) {
    UUID w = workspace.value();
    Field<UUID> activityTarget = switch (record.kind()) {
      case CONTACT -> ACTIVITY_LINKS.CONTACT_ID;
      case COMPANY -> ACTIVITY_LINKS.COMPANY_ID;
      case DEAL -> ACTIVITY_LINKS.DEAL_ID;
    };
    Field<UUID> taskTarget = switch (record.kind()) {
      case CONTACT -> TASK_LINKS.CONTACT_ID;
      case COMPANY -> TASK_LINKS.COMPANY_ID;
      case DEAL -> TASK_LINKS.DEAL_ID;
    };
    Select<Record> union = DSL.select(List.of(
            DSL.inline(ACTIVITY).as("type"), ACTIVITIES.OCCURRED_AT.as("at"), ACTIVITIES.ID.as("id"),
            ACTIVITIES.KIND.as("kind"), ACTIVITIES.SUBJECT.as("subject"),
            ACTIVITIES.DURATION_SECONDS.as("duration_seconds"),
            text("title"), DSL.castNull(SQLDataType.BOOLEAN).as("done"), time("due_at"), uuid("assignee_id"),
            uuid("deal_id"), uuid("from_stage_id"), text("from_stage_name"), text("from_stage_kind"),
            uuid("to_stage_id"), text("to_stage_name"), text("to_stage_kind")))
        .from(ACTIVITIES)
        .where(ACTIVITIES.TENANT_ID.eq(w))
        .and(ACTIVITIES.ID.in(DSL.select(ACTIVITY_LINKS.ACTIVITY_ID).from(ACTIVITY_LINKS)
            .where(ACTIVITY_LINKS.TENANT_ID.eq(w)).and(activityTarget.eq(record.id()))))
        .unionAll(DSL.select(List.of(
                DSL.inline(TASK), TASKS.CREATED_AT, TASKS.ID, DSL.castNull(SQLDataType.VARCHAR),
                DSL.castNull(SQLDataType.VARCHAR), DSL.castNull(SQLDataType.INTEGER), TASKS.TITLE, TASKS.DONE,
                TASKS.DUE_AT, TASKS.ASSIGNEE_ID, DSL.castNull(SQLDataType.UUID), DSL.castNull(SQLDataType.UUID),
                DSL.castNull(SQLDataType.VARCHAR), DSL.castNull(SQLDataType.VARCHAR), DSL.castNull(SQLDataType.UUID),
                DSL.castNull(SQLDataType.VARCHAR), DSL.castNull(SQLDataType.VARCHAR)))
            .from(TASKS)
            .where(TASKS.TENANT_ID.eq(w))
            .and(TASKS.ID.in(DSL.select(TASK_LINKS.TASK_ID).from(TASK_LINKS)
                .where(TASK_LINKS.TENANT_ID.eq(w)).and(taskTarget.eq(record.id())))));
    if (record.kind() == RecordRef.Kind.DEAL) {
      union = union.unionAll(DSL.select(List.of(
              DSL.inline(STAGE_CHANGE), DEAL_STAGE_CHANGES.CHANGED_AT, DEAL_STAGE_CHANGES.ID,
              DSL.castNull(SQLDataType.VARCHAR), DSL.castNull(SQLDataType.VARCHAR), DSL.castNull(SQLDataType.INTEGER),
              DSL.castNull(SQLDataType.VARCHAR), DSL.castNull(SQLDataType.BOOLEAN),
              DSL.castNull(SQLDataType.TIMESTAMPWITHTIMEZONE), DSL.castNull(SQLDataType.UUID),
              DEAL_STAGE_CHANGES.DEAL_ID, DEAL_STAGE_CHANGES.FROM_STAGE_ID, DEAL_STAGE_CHANGES.FROM_STAGE_NAME,
              DEAL_STAGE_CHANGES.FROM_STAGE_KIND, DEAL_STAGE_CHANGES.TO_STAGE_ID, DEAL_STAGE_CHANGES.TO_STAGE_NAME,
              DEAL_STAGE_CHANGES.TO_STAGE_KIND))
          .from(DEAL_STAGE_CHANGES)
          .where(DEAL_STAGE_CHANGES.TENANT_ID.eq(w))
          .and(DEAL_STAGE_CHANGES.DEAL_ID.eq(record.id())));
    }
    Table<Record> items = union.asTable("items");
    Field<UUID> id = items.field("id", UUID.class);
    ListColumns columns = ListColumns.of(id).field(TimelineListing.AT, items.field("at", OffsetDateTime.class));
    return KeysetPaging.page(transactions.dsl(workspace).select(items.fields()).from(items).where(DSL.noCondition()),
        query.requireOffer(TimelineListing.OFFER), columns).map(JooqTimelineRepository::toItem);
  }

  private static Field<String> text(String name) {
    return DSL.castNull(SQLDataType.VARCHAR).as(name);
  }

  private static Field<UUID> uuid(String name) {
    return DSL.castNull(SQLDataType.UUID).as(name);
  }

  private static Field<OffsetDateTime> time(String name) {
    return DSL.castNull(SQLDataType.TIMESTAMPWITHTIMEZONE).as(name);
  }

  private static TimelineItem toItem(Record row) {
    UUID id = row.get("id", UUID.class);
    java.time.Instant at = row.get("at", OffsetDateTime.class).toInstant();
    return switch (row.get("type", String.class)) {
      case ACTIVITY -> new TimelineItem.ActivityEntry(id, at, ActivityKind.valueOf(row.get("kind", String.class)),
          Optional.ofNullable(row.get("subject", String.class)).map(ActivitySubject::new),
          Optional.ofNullable(row.get("duration_seconds", Integer.class)).map(ActivityDuration::ofSeconds));
      case TASK -> new TimelineItem.TaskEntry(id, at, new TaskTitle(row.get("title", String.class)),
          row.get("done", Boolean.class),
          Optional.ofNullable(row.get("due_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
          Optional.ofNullable(row.get("assignee_id", UUID.class)).map(AccountId::of));
      case STAGE_CHANGE -> new TimelineItem.StageChangeEntry(id, at, DealId.of(row.get("deal_id", UUID.class)),
          Optional.ofNullable(row.get("from_stage_id", UUID.class)).map(from -> new StageSnapshot(StageId.of(from),
              new StageName(row.get("from_stage_name", String.class)),
              StageKind.valueOf(row.get("from_stage_kind", String.class)))),
          new StageSnapshot(StageId.of(row.get("to_stage_id", UUID.class)),
              new StageName(row.get("to_stage_name", String.class)),
              StageKind.valueOf(row.get("to_stage_kind", String.class))));
      default -> throw new IllegalStateException("unknown timeline item type");
    };
  }
}
