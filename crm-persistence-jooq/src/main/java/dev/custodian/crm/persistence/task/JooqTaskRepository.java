package dev.custodian.crm.persistence.task;

import static dev.custodian.crm.persistence.generated.Tables.TASKS;
import static dev.custodian.crm.persistence.generated.Tables.TASK_LINKS;

import dev.custodian.crm.core.account.AccountId;
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
import dev.custodian.crm.core.task.Task;
import dev.custodian.crm.core.task.TaskId;
import dev.custodian.crm.core.task.TaskListing;
import dev.custodian.crm.core.task.TaskTitle;
import dev.custodian.crm.core.task.port.out.TaskRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.DatabaseErrors;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.KeysetPaging;
import dev.custodian.crm.persistence.common.LinkRows;
import dev.custodian.crm.persistence.common.ListColumns;
import dev.custodian.crm.persistence.common.SqlTime;
import dev.custodian.crm.persistence.generated.tables.records.TasksRecord;
import java.time.OffsetDateTime;
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
 * Persistence adapter: {@link TaskRepository} on {@code tasks} and {@code task_links}, shaped as
 * the activity adapter: read with its links in one statement, created with them in one, links
 * checked by their composite foreign keys. Unlinking a record keeps the task.
 */
final class JooqTaskRepository implements TaskRepository {

  private static final LinkRows LINKS = new LinkRows(TASK_LINKS, TASK_LINKS.TENANT_ID, TASK_LINKS.ID,
      TASK_LINKS.TASK_ID, TASK_LINKS.CONTACT_ID, TASK_LINKS.COMPANY_ID, TASK_LINKS.DEAL_ID);

  private static final Field<UUID[]> CONTACT_IDS = LINKS.ids(TASK_LINKS.CONTACT_ID, TASKS.TENANT_ID, TASKS.ID, "contact_ids");
  private static final Field<UUID[]> COMPANY_IDS = LINKS.ids(TASK_LINKS.COMPANY_ID, TASKS.TENANT_ID, TASKS.ID, "company_ids");
  private static final Field<UUID[]> DEAL_IDS = LINKS.ids(TASK_LINKS.DEAL_ID, TASKS.TENANT_ID, TASKS.ID, "deal_ids");

  /** {@code done} is an enum of the list grammar: PostgreSQL's text of a boolean, {@code true} or {@code false}. */
  private static final ListColumns LIST_COLUMNS = ListColumns.of(TASKS.ID)
      .field(TaskListing.ASSIGNEE_ID, TASKS.ASSIGNEE_ID)
      .field(TaskListing.DONE, TASKS.DONE.cast(String.class))
      .field(TaskListing.DUE_AT, TASKS.DUE_AT)
      .field(TaskListing.CREATED_AT, TASKS.CREATED_AT);

  private final JooqTransactions transactions;

  JooqTaskRepository(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void insert(Task task) {
    DSLContext dsl = transactions.dsl(task.workspace());
    if (task.links().isEmpty()) {
      translatingViolations(() -> dsl.insertInto(TASKS).set(toRecord(task)).execute());
      return;
    }
    CommonTableExpression<Record1<UUID>> inserted = DSL.name("inserted").fields("id")
        .as(dsl.insertInto(TASKS).set(toRecord(task)).returningResult(TASKS.ID));
    translatingViolations(() -> LINKS.values(dsl.with(inserted).insertInto(TASK_LINKS, TASK_LINKS.TENANT_ID,
            TASK_LINKS.ID, TASK_LINKS.TASK_ID, TASK_LINKS.CONTACT_ID, TASK_LINKS.COMPANY_ID, TASK_LINKS.DEAL_ID),
        task.workspace().value(), task.id().value(), task.links()).execute());
  }

  @Override
  public Optional<Task> findById(WorkspaceId workspace, TaskId id) {
    return transactions.dsl(workspace).select(TASKS.fields()).select(CONTACT_IDS, COMPANY_IDS, DEAL_IDS)
        .from(TASKS)
        .where(key(workspace, id))
        .fetchOptional()
        .map(JooqTaskRepository::toTask);
  }

  @Override
  public Page<Task> list(WorkspaceId workspace, ListQuery query) {
    return KeysetPaging.page(transactions.dsl(workspace).select(TASKS.fields())
            .select(CONTACT_IDS, COMPANY_IDS, DEAL_IDS)
            .from(TASKS).where(TASKS.TENANT_ID.eq(workspace.value())),
        query.requireOffer(TaskListing.OFFER), LIST_COLUMNS).map(JooqTaskRepository::toTask);
  }

  @Override
  public boolean update(Task changed, long expectedVersion) {
    DSLContext dsl = transactions.dsl(changed.workspace());
    Optional<Task> before = findById(changed.workspace(), changed.id());
    TasksRecord values = toRecord(changed);
    int updated = dsl.update(TASKS)
        .set(TASKS.TITLE, values.getTitle())
        .set(TASKS.BODY, values.getBody())
        .set(TASKS.DUE_AT, values.getDueAt())
        .set(TASKS.DONE, values.getDone())
        .set(TASKS.DONE_AT, values.getDoneAt())
        .set(TASKS.ASSIGNEE_ID, values.getAssigneeId())
        .set(TASKS.UPDATED_AT, values.getUpdatedAt())
        .set(TASKS.VERSION, values.getVersion())
        .where(key(changed.workspace(), changed.id()))
        .and(TASKS.VERSION.eq(expectedVersion))
        .execute();
    if (updated != 1) {
      return false;
    }
    if (before.map(b -> !b.links().equals(changed.links())).orElse(true)) {
      dsl.deleteFrom(TASK_LINKS)
          .where(TASK_LINKS.TENANT_ID.eq(changed.workspace().value()))
          .and(TASK_LINKS.TASK_ID.eq(changed.id().value()))
          .execute();
      if (!changed.links().isEmpty()) {
        translatingViolations(() -> LINKS.values(dsl.insertInto(TASK_LINKS, TASK_LINKS.TENANT_ID, TASK_LINKS.ID,
                TASK_LINKS.TASK_ID, TASK_LINKS.CONTACT_ID, TASK_LINKS.COMPANY_ID, TASK_LINKS.DEAL_ID),
            changed.workspace().value(), changed.id().value(), changed.links()).execute());
      }
    }
    return true;
  }

  @Override
  public boolean delete(WorkspaceId workspace, TaskId id, OptionalLong expectedVersion) {
    Condition version = expectedVersion.isPresent()
        ? TASKS.VERSION.eq(expectedVersion.getAsLong())
        : DSL.noCondition();
    return transactions.dsl(workspace).deleteFrom(TASKS).where(key(workspace, id)).and(version).execute() == 1;
  }

  @Override
  public int unlinkContact(WorkspaceId workspace, ContactId contact) {
    return unlink(workspace, TASK_LINKS.CONTACT_ID, contact.value());
  }

  @Override
  public int unlinkCompany(WorkspaceId workspace, CompanyId company) {
    return unlink(workspace, TASK_LINKS.COMPANY_ID, company.value());
  }

  @Override
  public int unlinkDeal(WorkspaceId workspace, DealId deal) {
    return unlink(workspace, TASK_LINKS.DEAL_ID, deal.value());
  }

  /** The links go; the tasks stay at their version, as the foreign keys' cascade would leave them. */
  private int unlink(WorkspaceId workspace, Field<UUID> target, UUID record) {
    return transactions.dsl(workspace).deleteFrom(TASK_LINKS)
        .where(LINKS.linksTo(workspace.value(), target, record))
        .execute();
  }

  /** One statement: the member's tasks of the workspace are unassigned, each at its next version. */
  @Override
  public int memberLeft(WorkspaceId workspace, AccountId member) {
    return transactions.dsl(workspace).update(TASKS)
        .setNull(TASKS.ASSIGNEE_ID)
        .set(TASKS.VERSION, TASKS.VERSION.plus(1))
        .where(TASKS.TENANT_ID.eq(workspace.value()))
        .and(TASKS.ASSIGNEE_ID.eq(member.value()))
        .execute();
  }

  @Override
  public int deleteOfContactAlone(WorkspaceId workspace, ContactId contact) {
    var other = TASK_LINKS.as("other");
    return transactions.dsl(workspace).deleteFrom(TASKS)
        .where(TASKS.TENANT_ID.eq(workspace.value()))
        .and(DSL.exists(DSL.selectOne().from(TASK_LINKS)
            .where(LINKS.linksTo(workspace.value(), TASK_LINKS.CONTACT_ID, contact.value()))
            .and(TASK_LINKS.TASK_ID.eq(TASKS.ID))))
        .andNotExists(DSL.selectOne().from(other)
            .where(other.TENANT_ID.eq(TASKS.TENANT_ID))
            .and(other.TASK_ID.eq(TASKS.ID))
            .and(other.CONTACT_ID.ne(contact.value())))
        .execute();
  }

  @Override
  public List<TaskId> unlinkSharedContact(WorkspaceId workspace, ContactId contact) {
    DSLContext dsl = transactions.dsl(workspace);
    var other = TASK_LINKS.as("other");
    CommonTableExpression<Record1<UUID>> removed = DSL.name("removed").fields("task_id").as(dsl
        .deleteFrom(TASK_LINKS)
        .where(LINKS.linksTo(workspace.value(), TASK_LINKS.CONTACT_ID, contact.value()))
        .andExists(DSL.selectOne().from(other)
            .where(other.TENANT_ID.eq(TASK_LINKS.TENANT_ID))
            .and(other.TASK_ID.eq(TASK_LINKS.TASK_ID))
            .and(other.CONTACT_ID.ne(contact.value())))
        .returningResult(TASK_LINKS.TASK_ID));
    return dsl.with(removed)
        .update(TASKS)
        .set(TASKS.VERSION, TASKS.VERSION.plus(1))
        .where(TASKS.TENANT_ID.eq(workspace.value()))
        .and(TASKS.ID.in(DSL.select(removed.field("task_id", UUID.class)).from(removed)))
        .returningResult(TASKS.ID)
        .fetch(r -> TaskId.of(r.value1()));
  }

  private static Condition key(WorkspaceId workspace, TaskId id) {
    return TASKS.TENANT_ID.eq(workspace.value()).and(TASKS.ID.eq(id.value()));
  }

  private static TasksRecord toRecord(Task task) {
    TasksRecord row = new TasksRecord();
    row.setTenantId(task.workspace().value());
    row.setId(task.id().value());
    row.setTitle(task.title().value());
    row.setBody(task.body().map(Body::value).orElse(null));
    row.setDueAt(task.dueAt().map(SqlTime::utc).orElse(null));
    row.setDone(task.done());
    row.setDoneAt(task.doneAt().map(SqlTime::utc).orElse(null));
    row.setAssigneeId(task.assignee().map(AccountId::value).orElse(null));
    row.setCreatedAt(SqlTime.utc(task.createdAt()));
    row.setUpdatedAt(SqlTime.utc(task.updatedAt()));
    row.setVersion(task.version());
    return row;
  }

  private static Task toTask(Record record) {
    TasksRecord row = record.into(TASKS);
    Links links = LinkRows.links(record.get(CONTACT_IDS), record.get(COMPANY_IDS), record.get(DEAL_IDS));
    return Task.reconstitute(
        WorkspaceId.of(row.getTenantId()),
        TaskId.of(row.getId()),
        new TaskTitle(row.getTitle()),
        Optional.ofNullable(row.getBody()).map(Body::new),
        Optional.ofNullable(row.getDueAt()).map(OffsetDateTime::toInstant),
        Optional.ofNullable(row.getDoneAt()).map(OffsetDateTime::toInstant),
        Optional.ofNullable(row.getAssigneeId()).map(AccountId::of),
        links,
        row.getCreatedAt().toInstant(),
        row.getUpdatedAt().toInstant(),
        row.getVersion());
  }

  private static int translatingViolations(Supplier<Integer> write) {
    try {
      return write.get();
    } catch (org.jooq.exception.DataAccessException e) {
      if (DatabaseErrors.isViolation(e, DatabaseErrors.UNIQUE_VIOLATION, "tasks_pk")) {
        throw new ConflictException(ConflictException.Kind.DUPLICATE, "task already exists");
      }
      if (DatabaseErrors.isViolation(e, DatabaseErrors.FOREIGN_KEY_VIOLATION, "tasks_workspace_fk")) {
        throw new NotFoundException("workspace");
      }
      if (DatabaseErrors.isViolation(e, DatabaseErrors.FOREIGN_KEY_VIOLATION, "task_links_contact_fk")) {
        throw ValidationException.of(FieldError.field(Links.CONTACT_IDS, "must all name records of this workspace"));
      }
      if (DatabaseErrors.isViolation(e, DatabaseErrors.FOREIGN_KEY_VIOLATION, "task_links_company_fk")) {
        throw ValidationException.of(FieldError.field(Links.COMPANY_IDS, "must all name records of this workspace"));
      }
      if (DatabaseErrors.isViolation(e, DatabaseErrors.FOREIGN_KEY_VIOLATION, "task_links_deal_fk")) {
        throw ValidationException.of(FieldError.field(Links.DEAL_IDS, "must all name records of this workspace"));
      }
      throw e;
    }
  }
}
