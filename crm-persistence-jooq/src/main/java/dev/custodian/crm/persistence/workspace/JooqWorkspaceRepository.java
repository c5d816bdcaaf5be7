package dev.custodian.crm.persistence.workspace;

import static dev.custodian.crm.persistence.generated.Tables.MEMBERSHIPS;
import static dev.custodian.crm.persistence.generated.Tables.WORKSPACES;

import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.workspace.MemberWorkspace;
import dev.custodian.crm.core.workspace.Slug;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.workspace.Workspace;
import dev.custodian.crm.core.workspace.WorkspaceName;
import dev.custodian.crm.core.workspace.WorkspaceStatus;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import dev.custodian.crm.persistence.common.DatabaseErrors;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.KeysetPaging;
import dev.custodian.crm.persistence.common.SqlTime;
import dev.custodian.crm.persistence.generated.tables.records.WorkspacesRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.exception.DataAccessException;

/**
 * Persistence adapter: {@code WorkspaceRepository} on the {@code workspaces} table; an account's
 * list joins its {@code memberships}, walked by {@link KeysetPaging} on their time and workspace id.
 */
final class JooqWorkspaceRepository implements WorkspaceRepository {

  private final JooqTransactions transactions;

  JooqWorkspaceRepository(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void insert(Workspace workspace) {
    WorkspacesRecord row = new WorkspacesRecord();
    row.setId(workspace.id().value());
    row.setName(workspace.name().value());
    row.setSlug(workspace.slug().value());
    row.setStatus(statusName(workspace.status()));
    row.setCancelledAt(workspace.status() instanceof WorkspaceStatus.Cancelled c ? SqlTime.utc(c.cancelledAt()) : null);
    row.setPurgeAt(workspace.status() instanceof WorkspaceStatus.Cancelled c ? SqlTime.utc(c.purgeAt()) : null);
    row.setCreatedAt(SqlTime.utc(workspace.createdAt()));
    try {
      transactions.dsl().insertInto(WORKSPACES).set(row).execute();
    } catch (DataAccessException e) {
      if (DatabaseErrors.isViolation(e, DatabaseErrors.UNIQUE_VIOLATION, "workspaces_slug_uk")) {
        throw new ConflictException(ConflictException.Kind.DUPLICATE, "slug is already taken");
      }
      if (DatabaseErrors.isViolation(e, DatabaseErrors.UNIQUE_VIOLATION, "workspaces_pk")) {
        throw new ConflictException(ConflictException.Kind.DUPLICATE, "workspace already exists");
      }
      throw e;
    }
  }

  @Override
  public boolean changeStatus(WorkspaceId id, WorkspaceStatus status) {
    if (status instanceof WorkspaceStatus.Purged) {
      throw new IllegalArgumentException("a purge changes a workspace through the retention engine");
    }
    WorkspaceStatus.Cancelled cancelled = status instanceof WorkspaceStatus.Cancelled c ? c : null;
    return transactions.dsl().update(WORKSPACES)
        .set(WORKSPACES.STATUS, statusName(status))
        .set(WORKSPACES.CANCELLED_AT, cancelled == null ? null : SqlTime.utc(cancelled.cancelledAt()))
        .set(WORKSPACES.PURGE_AT, cancelled == null ? null : SqlTime.utc(cancelled.purgeAt()))
        .setNull(WORKSPACES.PURGE_REMINDER_AT) // a new cancellation gets its own reminder
        .where(WORKSPACES.ID.eq(id.value()))
        .and(WORKSPACES.STATUS.ne("PURGED"))
        .execute() == 1;
  }

  @Override
  public boolean markPurged(WorkspaceId id, Instant now) {
    return transactions.dsl().update(WORKSPACES)
        .set(WORKSPACES.STATUS, "PURGED")
        .set(WORKSPACES.PURGED_AT, SqlTime.utc(Timestamps.micros(now)))
        .setNull(WORKSPACES.NAME)
        .setNull(WORKSPACES.SLUG)
        .where(WORKSPACES.ID.eq(id.value()))
        .and(WORKSPACES.STATUS.eq("CANCELLED"))
        .execute() == 1;
  }

  @Override
  public Optional<Workspace> findById(WorkspaceId id) {
    return transactions.dsl()
        .selectFrom(WORKSPACES)
        .where(WORKSPACES.ID.eq(id.value()))
        .and(WORKSPACES.STATUS.ne("PURGED")) // a tombstone is no workspace any more
        .fetchOptional()
        .map(JooqWorkspaceRepository::toWorkspace);
  }

  /**
   * One statement: the due rows are locked, skipping any another transaction holds (it claims
   * them), and marked; a row whose reminder another transaction set first no longer matches.
   */
  @Override
  public List<WorkspaceId> claimPurgeReminders(Instant now, Instant dueBy, int limit) {
    var due = transactions.dsl().select(WORKSPACES.ID).from(WORKSPACES)
        .where(WORKSPACES.STATUS.eq("CANCELLED"))
        .and(WORKSPACES.PURGE_REMINDER_AT.isNull())
        .and(WORKSPACES.PURGE_AT.gt(SqlTime.utc(now)))
        .and(WORKSPACES.PURGE_AT.le(SqlTime.utc(dueBy)))
        .orderBy(WORKSPACES.PURGE_AT, WORKSPACES.ID)
        .limit(limit)
        .forUpdate().skipLocked();
    return transactions.dsl().update(WORKSPACES)
        .set(WORKSPACES.PURGE_REMINDER_AT, SqlTime.utc(Timestamps.micros(now)))
        .where(WORKSPACES.ID.in(due))
        .and(WORKSPACES.PURGE_REMINDER_AT.isNull())
        .returning(WORKSPACES.ID)
        .fetch(row -> WorkspaceId.of(row.getId()));
  }

  @Override
  public List<WorkspaceId> duePurges(Instant now, int limit) {
    return transactions.dsl().select(WORKSPACES.ID).from(WORKSPACES)
        .where(WORKSPACES.STATUS.eq("CANCELLED"))
        .and(WORKSPACES.PURGE_AT.le(SqlTime.utc(now)))
        .orderBy(WORKSPACES.PURGE_AT, WORKSPACES.ID)
        .limit(limit)
        .fetch(row -> WorkspaceId.of(row.value1()));
  }

  @Override
  public boolean lockDuePurge(WorkspaceId id, Instant now) {
    return transactions.dsl().select(WORKSPACES.ID).from(WORKSPACES)
        .where(WORKSPACES.ID.eq(id.value()))
        .and(WORKSPACES.STATUS.eq("CANCELLED"))
        .and(WORKSPACES.PURGE_AT.le(SqlTime.utc(now)))
        .forUpdate().skipLocked()
        .fetchOptional().isPresent();
  }

  @Override
  public boolean existsBySlug(Slug slug) {
    return transactions.dsl().fetchExists(WORKSPACES, WORKSPACES.SLUG.eq(slug.value()));
  }

  @Override
  public Page<MemberWorkspace> listForMember(AccountId account, PageRequest page) {
    return KeysetPaging.page(
        transactions.dsl()
            .select(WORKSPACES.fields())
            .select(MEMBERSHIPS.ROLE, MEMBERSHIPS.CREATED_AT, MEMBERSHIPS.WORKSPACE_ID)
            .from(MEMBERSHIPS)
            .join(WORKSPACES).on(WORKSPACES.ID.eq(MEMBERSHIPS.WORKSPACE_ID))
            .where(MEMBERSHIPS.ACCOUNT_ID.eq(account.value())),
        MEMBERSHIPS.CREATED_AT, MEMBERSHIPS.WORKSPACE_ID, page)
        .map(row -> new MemberWorkspace(toWorkspace(row.into(WORKSPACES)), Role.valueOf(row.get(MEMBERSHIPS.ROLE)),
            row.get(MEMBERSHIPS.CREATED_AT).toInstant()));
  }

  private static Workspace toWorkspace(WorkspacesRecord row) {
    WorkspaceStatus status = switch (row.getStatus()) {
      case "ACTIVE" -> WorkspaceStatus.ACTIVE;
      case "CANCELLED" -> new WorkspaceStatus.Cancelled(row.getCancelledAt().toInstant(), row.getPurgeAt().toInstant());
      case "PURGED" -> new WorkspaceStatus.Purged();
      default -> throw new IllegalStateException("unknown workspace status in the database");
    };
    return Workspace.reconstitute(
        WorkspaceId.of(row.getId()),
        new WorkspaceName(row.getName()),
        new Slug(row.getSlug()),
        status,
        row.getCreatedAt().toInstant());
  }

  private static String statusName(WorkspaceStatus status) {
    if (status instanceof WorkspaceStatus.Cancelled) {
      return "CANCELLED";
    }
    return status instanceof WorkspaceStatus.Purged ? "PURGED" : "ACTIVE";
  }
}
