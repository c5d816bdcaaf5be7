package dev.custodian.crm.persistence.activity;

import static dev.custodian.crm.persistence.generated.Tables.ACTIVITIES;
import static dev.custodian.crm.persistence.generated.Tables.ACTIVITY_LINKS;

import dev.custodian.crm.core.activity.Activity;
import dev.custodian.crm.core.activity.ActivityDuration;
import dev.custodian.crm.core.activity.ActivityId;
import dev.custodian.crm.core.activity.ActivityKind;
import dev.custodian.crm.core.activity.ActivityListing;
import dev.custodian.crm.core.activity.ActivitySubject;
import dev.custodian.crm.core.activity.port.out.ActivityRepository;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.deal.DealId;
import dev.custodian.crm.core.link.Body;
import dev.custodian.crm.core.link.Links;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.DatabaseErrors;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.KeysetPaging;
import dev.custodian.crm.persistence.common.LinkRows;
import dev.custodian.crm.persistence.common.ListColumns;
import dev.custodian.crm.persistence.common.SqlTime;
import dev.custodian.crm.persistence.generated.tables.records.ActivitiesRecord;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: {@link ActivityRepository} on {@code activities} and {@code activity_links}.
 * Every statement filters by the workspace itself; row-level security is the second wall. An
 * activity is read with its links (three id arrays) in one statement and created with them in one
 * (a data-modifying WITH); the links' composite foreign keys check that they name records of the
 * workspace, a violation being the core's validation error.
 */
final class JooqActivityRepository implements ActivityRepository {

  static final LinkRows LINKS = new LinkRows(ACTIVITY_LINKS, ACTIVITY_LINKS.TENANT_ID, ACTIVITY_LINKS.ID,
      ACTIVITY_LINKS.ACTIVITY_ID, ACTIVITY_LINKS.CONTACT_ID, ACTIVITY_LINKS.COMPANY_ID, ACTIVITY_LINKS.DEAL_ID);

  private static final Field<UUID[]> CONTACT_IDS =
      LINKS.ids(ACTIVITY_LINKS.CONTACT_ID, ACTIVITIES.TENANT_ID, ACTIVITIES.ID, "contact_ids");
  private static final Field<UUID[]> COMPANY_IDS =
      LINKS.ids(ACTIVITY_LINKS.COMPANY_ID, ACTIVITIES.TENANT_ID, ACTIVITIES.ID, "company_ids");
  private static final Field<UUID[]> DEAL_IDS =
      LINKS.ids(ACTIVITY_LINKS.DEAL_ID, ACTIVITIES.TENANT_ID, ACTIVITIES.ID, "deal_ids");

  private static final ListColumns LIST_COLUMNS = ListColumns.of(ACTIVITIES.ID)
      .field(ActivityListing.KIND, DSL.lower(ACTIVITIES.KIND))
      .field(ActivityListing.OCCURRED_AT, ACTIVITIES.OCCURRED_AT)
      .field(ActivityListing.CREATED_AT, ACTIVITIES.CREATED_AT);

  private final JooqTransactions transactions;

  JooqActivityRepository(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void insert(Activity activity) {
    DSLContext dsl = transactions.dsl(activity.workspace());
    // The activity in a data-modifying WITH, its links in the same statement: the foreign keys are
    // checked at its end, when both are there.
    CommonTableExpression<Record1<UUID>> inserted = DSL.name("inserted").fields("id")
        .as(dsl.insertInto(ACTIVITIES).set(toRecord(activity)).returningResult(ACTIVITIES.ID));
    translatingViolations(() -> LINKS.values(dsl.with(inserted).insertInto(ACTIVITY_LINKS, ACTIVITY_LINKS.TENANT_ID,
            ACTIVITY_LINKS.ID, ACTIVITY_LINKS.ACTIVITY_ID, ACTIVITY_LINKS.CONTACT_ID, ACTIVITY_LINKS.COMPANY_ID,
            ACTIVITY_LINKS.DEAL_ID), activity.workspace().value(), activity.id().value(), activity.links())
        .execute());
  }

  @Override
  public Optional<Activity> findById(WorkspaceId workspace, ActivityId id) {
    return transactions.dsl(workspace).select(ACTIVITIES.fields()).select(CONTACT_IDS, COMPANY_IDS, DEAL_IDS)
        .from(ACTIVITIES)
        .where(key(workspace, id))
        .fetchOptional()
        .map(JooqActivityRepository::toActivity);
  }

  @Override
  public Page<Activity> list(WorkspaceId workspace, ListQuery query) {
    return KeysetPaging.page(transactions.dsl(workspace).select(ACTIVITIES.fields())
            .select(CONTACT_IDS, COMPANY_IDS, DEAL_IDS)
            .from(ACTIVITIES).where(ACTIVITIES.TENANT_ID.eq(workspace.value())),
        query.requireOffer(ActivityListing.OFFER), LIST_COLUMNS).map(JooqActivityRepository::toActivity);
  }

  /** The conditional update first; the links are rewritten only when it changed the row and they changed. */
  @Override
  public boolean update(Activity changed, long expectedVersion) {
    DSLContext dsl = transactions.dsl(changed.workspace());
    Optional<Activity> before = findById(changed.workspace(), changed.id());
    ActivitiesRecord values = toRecord(changed);
    int updated = dsl.update(ACTIVITIES)
        .set(ACTIVITIES.KIND, values.getKind())
        .set(ACTIVITIES.SUBJECT, values.getSubject())
        .set(ACTIVITIES.BODY, values.getBody())
        .set(ACTIVITIES.OCCURRED_AT, values.getOccurredAt())
        .set(ACTIVITIES.DURATION_SECONDS, values.getDurationSeconds())
        .set(ACTIVITIES.UPDATED_AT, values.getUpdatedAt())
        .set(ACTIVITIES.VERSION, values.getVersion())
        .where(key(changed.workspace(), changed.id()))
        .and(ACTIVITIES.VERSION.eq(expectedVersion))
        .execute();
    if (updated != 1) {
      return false;
    }
    if (before.map(b -> !b.links().equals(changed.links())).orElse(true)) {
      dsl.deleteFrom(ACTIVITY_LINKS)
          .where(ACTIVITY_LINKS.TENANT_ID.eq(changed.workspace().value()))
          .and(ACTIVITY_LINKS.ACTIVITY_ID.eq(changed.id().value()))
          .execute();
      translatingViolations(() -> LINKS.values(dsl.insertInto(ACTIVITY_LINKS, ACTIVITY_LINKS.TENANT_ID,
              ACTIVITY_LINKS.ID, ACTIVITY_LINKS.ACTIVITY_ID, ACTIVITY_LINKS.CONTACT_ID, ACTIVITY_LINKS.COMPANY_ID,
              ACTIVITY_LINKS.DEAL_ID), changed.workspace().value(), changed.id().value(), changed.links())
          .execute());
    }
    return true;
  }

  /** The links go with it (their foreign key cascades). */
  @Override
  public boolean delete(WorkspaceId workspace, ActivityId id, OptionalLong expectedVersion) {
    Condition version = expectedVersion.isPresent()
        ? ACTIVITIES.VERSION.eq(expectedVersion.getAsLong())
        : DSL.noCondition();
    return transactions.dsl(workspace).deleteFrom(ACTIVITIES).where(key(workspace, id)).and(version).execute() == 1;
  }

  @Override
  public int unlinkContact(WorkspaceId workspace, ContactId contact) {
    return unlink(workspace, ACTIVITY_LINKS.CONTACT_ID, contact.value());
  }

  @Override
  public int unlinkCompany(WorkspaceId workspace, CompanyId company) {
    return unlink(workspace, ACTIVITY_LINKS.COMPANY_ID, company.value());
  }

  @Override
  public int unlinkDeal(WorkspaceId workspace, DealId deal) {
    return unlink(workspace, ACTIVITY_LINKS.DEAL_ID, deal.value());
  }

  /**
   * Two statements: the activities linked to nothing else go (with their links), then the other
   * links to the record; the activities that keep other links keep their version, as the foreign
   * keys' cascade would leave them.
   */
  private int unlink(WorkspaceId workspace, Field<UUID> target, UUID record) {
    DSLContext dsl = transactions.dsl(workspace);
    var other = ACTIVITY_LINKS.as("other");
    int deleted = dsl.deleteFrom(ACTIVITIES)
        .where(ACTIVITIES.TENANT_ID.eq(workspace.value()))
        .and(DSL.exists(DSL.selectOne().from(ACTIVITY_LINKS)
            .where(LINKS.linksTo(workspace.value(), target, record))
            .and(ACTIVITY_LINKS.ACTIVITY_ID.eq(ACTIVITIES.ID))))
        .andNotExists(DSL.selectOne().from(other)
            .where(other.TENANT_ID.eq(ACTIVITIES.TENANT_ID))
            .and(other.ACTIVITY_ID.eq(ACTIVITIES.ID))
            .and(other.field(target).isNull().or(other.field(target).ne(record))))
        .execute();
    int unlinked = dsl.deleteFrom(ACTIVITY_LINKS).where(LINKS.linksTo(workspace.value(), target, record)).execute();
    return deleted + unlinked;
  }

  /** One statement: the activities whose only linked contact is this one, whatever else they link. */
  @Override
  public int deleteOfContactAlone(WorkspaceId workspace, ContactId contact) {
    var other = ACTIVITY_LINKS.as("other");
    return transactions.dsl(workspace).deleteFrom(ACTIVITIES)
        .where(ACTIVITIES.TENANT_ID.eq(workspace.value()))
        .and(DSL.exists(DSL.selectOne().from(ACTIVITY_LINKS)
            .where(LINKS.linksTo(workspace.value(), ACTIVITY_LINKS.CONTACT_ID, contact.value()))
            .and(ACTIVITY_LINKS.ACTIVITY_ID.eq(ACTIVITIES.ID))))
        .andNotExists(DSL.selectOne().from(other)
            .where(other.TENANT_ID.eq(ACTIVITIES.TENANT_ID))
            .and(other.ACTIVITY_ID.eq(ACTIVITIES.ID))
            .and(other.CONTACT_ID.ne(contact.value())))
        .execute();
  }

  /**
   * One statement: the links to this contact from activities that name another contact go (a
   * data-modifying WITH), and each such activity moves to its next version.
   */
  @Override
  public List<ActivityId> unlinkSharedContact(WorkspaceId workspace, ContactId contact) {
    DSLContext dsl = transactions.dsl(workspace);
    var other = ACTIVITY_LINKS.as("other");
    CommonTableExpression<Record1<UUID>> removed = DSL.name("removed").fields("activity_id").as(dsl
        .deleteFrom(ACTIVITY_LINKS)
        .where(LINKS.linksTo(workspace.value(), ACTIVITY_LINKS.CONTACT_ID, contact.value()))
        .andExists(DSL.selectOne().from(other)
            .where(other.TENANT_ID.eq(ACTIVITY_LINKS.TENANT_ID))
            .and(other.ACTIVITY_ID.eq(ACTIVITY_LINKS.ACTIVITY_ID))
            .and(other.CONTACT_ID.ne(contact.value())))
        .returningResult(ACTIVITY_LINKS.ACTIVITY_ID));
    return dsl.with(removed)
        .update(ACTIVITIES)
        .set(ACTIVITIES.VERSION, ACTIVITIES.VERSION.plus(1))
        .where(ACTIVITIES.TENANT_ID.eq(workspace.value()))
        .and(ACTIVITIES.ID.in(DSL.select(removed.field("activity_id", UUID.class)).from(removed)))
        .returningResult(ACTIVITIES.ID)
        .fetch(r -> ActivityId.of(r.value1()));
  }

  private static Condition key(WorkspaceId workspace, ActivityId id) {
    return ACTIVITIES.TENANT_ID.eq(workspace.value()).and(ACTIVITIES.ID.eq(id.value()));
  }

  private static ActivitiesRecord toRecord(Activity activity) {
    ActivitiesRecord row = new ActivitiesRecord();
    row.setTenantId(activity.workspace().value());
    row.setId(activity.id().value());
    row.setKind(activity.kind().name());
    row.setSubject(activity.subject().map(ActivitySubject::value).orElse(null));
    row.setBody(activity.body().map(Body::value).orElse(null));
    row.setOccurredAt(SqlTime.utc(activity.occurredAt()));
    row.setDurationSeconds(activity.duration().map(d -> (int) d.value().toSeconds()).orElse(null));
    row.setCreatedAt(SqlTime.utc(activity.createdAt()));
    row.setUpdatedAt(SqlTime.utc(activity.updatedAt()));
    row.setVersion(activity.version());
    return row;
  }

  private static Activity toActivity(Record record) {
    ActivitiesRecord row = record.into(ACTIVITIES);
    Links links = LinkRows.links(record.get(CONTACT_IDS), record.get(COMPANY_IDS), record.get(DEAL_IDS));
    return Activity.reconstitute(
        WorkspaceId.of(row.getTenantId()),
        ActivityId.of(row.getId()),
        ActivityKind.valueOf(row.getKind()),
        Optional.ofNullable(row.getSubject()).map(ActivitySubject::new),
        Optional.ofNullable(row.getBody()).map(Body::new),
        row.getOccurredAt().toInstant(),
        Optional.ofNullable(row.getDurationSeconds()).map(ActivityDuration::ofSeconds),
        links,
        row.getCreatedAt().toInstant(),
        row.getUpdatedAt().toInstant(),
        row.getVersion());
  }

  private static int translatingViolations(Supplier<Integer> write) {
    try {
      return write.get();
    } catch (org.jooq.exception.DataAccessException e) {
      if (DatabaseErrors.isViolation(e, DatabaseErrors.UNIQUE_VIOLATION, "activities_pk")) {
        throw new ConflictException(ConflictException.Kind.DUPLICATE, "activity already exists");
      }
      if (DatabaseErrors.isViolation(e, DatabaseErrors.FOREIGN_KEY_VIOLATION, "activities_workspace_fk")) {
        throw new NotFoundException("workspace");
      }
      // The keys hold tenant_id: another workspace's record and none at all fail them alike.
      if (DatabaseErrors.isViolation(e, DatabaseErrors.FOREIGN_KEY_VIOLATION, "activity_links_contact_fk")) {
        throw ValidationException.of(FieldError.field(Links.CONTACT_IDS, "must all name records of this workspace"));
      }
      if (DatabaseErrors.isViolation(e, DatabaseErrors.FOREIGN_KEY_VIOLATION, "activity_links_company_fk")) {
        throw ValidationException.of(FieldError.field(Links.COMPANY_IDS, "must all name records of this workspace"));
      }
      if (DatabaseErrors.isViolation(e, DatabaseErrors.FOREIGN_KEY_VIOLATION, "activity_links_deal_fk")) {
        throw ValidationException.of(FieldError.field(Links.DEAL_IDS, "must all name records of this workspace"));
      }
      throw e;
    }
  }
}
