package dev.custodian.crm.persistence.retention;

import static dev.custodian.crm.persistence.generated.Tables.DSR_PACKAGES;
import static dev.custodian.crm.persistence.generated.Tables.DSR_PACKAGE_CHUNKS;
import static dev.custodian.crm.persistence.generated.Tables.MAIL_TOKENS;
import static dev.custodian.crm.persistence.generated.Tables.RETENTION_PROGRESS;
import static dev.custodian.crm.persistence.generated.Tables.RETENTION_RUNS;
import static dev.custodian.crm.persistence.generated.Tables.RETENTION_RUN_COUNTS;

import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.datamap.DataMap;
import dev.custodian.crm.core.retention.RetentionRun;
import dev.custodian.crm.core.retention.RetentionStep;
import dev.custodian.crm.core.retention.port.out.RetentionStore;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.SqlTime;
import dev.custodian.crm.persistence.datamap.JooqDataMapStores;
import dev.custodian.crm.persistence.workspace.JooqWorkspaceStores;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Persistence adapter: {@link RetentionStore} as {@code crm_app}. A workspace's steps are the
 * tables its purge empties, in that order (its unsent notices excepted); each batch deletes by {@code ctid} up to the limit, in
 * the workspace's transaction (row-level security on, and filtered by the workspace as well): the
 * append-only tables through {@code crm_purge_append_only(table, now, limit)}, which refuses
 * unless the workspace is due; the others only after the workspace's row is checked due here too.
 * The expiry steps: mailed tokens past their expiry (deleted through {@code crm_purge_expired_mail_tokens},
 * a function of {@code crm_owner}: {@code crm_app} deletes no token itself), and imports finished 30 days ago with
 * their error rows (through {@code crm_purge_finished_imports}, which binds each workspace in turn,
 * so row-level security stays on). {@code import_jobs} and {@code dsr_packages} are steps of both
 * kinds: with the rest of a due workspace at its purge, and by their expiry in the other workspaces
 * (the imports' function leaves the due ones to their purge, so no row is counted twice); so are
 * {@code dsr_codes}, the privacy requests' emailed codes, a day after their expiry (through
 * {@code crm_purge_expired_request_codes}, working as the imports' function does). The runs'
 * history is platform-level. The workspace expiry step: data-subject packages past their expiry,
 * each with its chunks, deleted by {@code crm_app} in their workspace's transaction (row-level
 * security on), so the engine audits each on that workspace's chain in the same transaction.
 */
final class JooqRetentionStore implements RetentionStore {

  /**
   * The purge's tables but {@code mail_outbox}: a workspace's queued lifecycle notices are of the
   * mail queue's class (they go once sent); the purge's last step drops the few left unsent.
   */
  private static final List<RetentionStep> WORKSPACE_STEPS = JooqWorkspaceStores.purgeOrder().stream()
      .filter(table -> !table.equals("mail_outbox"))
      .map(table -> new RetentionStep(table, JooqDataMapStores.classOfTable(table))).toList();
  private static final RetentionStep MAIL_TOKENS_STEP =
      new RetentionStep("mail_tokens", JooqDataMapStores.classOfTable("mail_tokens"));
  /** Expired packages, each audited on its workspace's chain as deleted. */
  private static final RetentionStep SUBJECT_PACKAGES_STEP =
      new RetentionStep("dsr_packages", JooqDataMapStores.classOfTable("dsr_packages"))
          .audited(AuditAction.SUBJECT_PACKAGE_DELETED, AuditTargetType.SUBJECT_PACKAGE);
  /** Finished imports, with their error rows: gone this long after they finished (the data map's rule). */
  private static final RetentionStep FINISHED_IMPORTS_STEP =
      new RetentionStep("import_jobs", JooqDataMapStores.classOfTable("import_jobs"));
  private static final Period FINISHED_IMPORTS_KEPT = keptFor(FINISHED_IMPORTS_STEP);
  /** Privacy requests' emailed codes: gone this long after their expiry (the data map's rule). */
  private static final RetentionStep REQUEST_CODES_STEP =
      new RetentionStep("dsr_codes", JooqDataMapStores.classOfTable("dsr_codes"));
  private static final Period REQUEST_CODES_KEPT = keptFor(REQUEST_CODES_STEP);

  private final JooqTransactions transactions;

  JooqRetentionStore(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public List<RetentionStep> workspaceSteps() {
    return WORKSPACE_STEPS;
  }

  private static Period keptFor(RetentionStep step) {
    return DataMap.standard().find(step.dataClass()).orElseThrow().rule().period();
  }

  @Override
  public List<RetentionStep> expirySteps() {
    return List.of(MAIL_TOKENS_STEP, FINISHED_IMPORTS_STEP, REQUEST_CODES_STEP);
  }

  @Override
  public List<RetentionStep> workspaceExpirySteps() {
    return List.of(SUBJECT_PACKAGES_STEP);
  }

  private static void packages(RetentionStep step) {
    if (!step.equals(SUBJECT_PACKAGES_STEP)) {
      throw new IllegalArgumentException("not a workspace expiry step: " + step.table());
    }
  }

  @Override
  public Map<WorkspaceId, Long> expiredByWorkspace(RetentionStep step, Instant now, int limit) {
    packages(step);
    var p = DSR_PACKAGES;
    Map<WorkspaceId, Long> expired = new LinkedHashMap<>();
    transactions.dsl().select(p.WORKSPACE_ID, DSL.count()).from(p).where(p.EXPIRES_AT.le(SqlTime.utc(now)))
        .groupBy(p.WORKSPACE_ID).orderBy(p.WORKSPACE_ID).limit(limit)
        .forEach(row -> expired.put(WorkspaceId.of(row.value1()), row.value2().longValue()));
    return expired;
  }

  @Override
  public List<UUID> deleteExpired(WorkspaceId workspace, RetentionStep step, Instant now, int limit) {
    packages(step);
    var p = DSR_PACKAGES;
    var dsl = transactions.dsl(workspace);
    List<UUID> due = dsl.select(p.ID).from(p)
        .where(p.WORKSPACE_ID.eq(workspace.value())).and(p.EXPIRES_AT.le(SqlTime.utc(now)))
        .orderBy(p.EXPIRES_AT, p.ID).limit(limit).forUpdate().skipLocked().fetch(p.ID);
    if (due.isEmpty()) {
      return List.of();
    }
    dsl.deleteFrom(DSR_PACKAGE_CHUNKS).where(DSR_PACKAGE_CHUNKS.TENANT_ID.eq(workspace.value()))
        .and(DSR_PACKAGE_CHUNKS.PACKAGE_ID.in(due)).execute();
    dsl.deleteFrom(p).where(p.ID.in(due)).execute();
    return due;
  }

  private static RetentionStep known(RetentionStep step) {
    if (!WORKSPACE_STEPS.contains(step)) {
      throw new IllegalArgumentException("not a step of a workspace's purge: " + step.table());
    }
    return step;
  }

  private static Condition ofWorkspace(String table, WorkspaceId workspace) {
    String column = JooqWorkspaceStores.platformTables().contains(table)
        || table.equals("invitations") || table.equals("api_keys") ? "workspace_id" : "tenant_id";
    return DSL.field(DSL.name(column), SQLDataType.UUID).eq(workspace.value());
  }

  @Override
  public long countWorkspaceRows(WorkspaceId workspace, RetentionStep step) {
    String table = known(step).table();
    return transactions.dsl(workspace).fetchCount(DSL.table(DSL.name(table)), ofWorkspace(table, workspace));
  }

  @Override
  public long deleteWorkspaceRows(WorkspaceId workspace, RetentionStep step, Instant now, int limit) {
    String table = known(step).table();
    var dsl = transactions.dsl(workspace);
    if (JooqWorkspaceStores.appendOnlyTables().contains(table)) {
      return dsl.select(DSL.field("crm_purge_append_only({0}::regclass, {1}, {2})", SQLDataType.BIGINT,
          DSL.val(table), DSL.val(SqlTime.utc(now)), DSL.val(limit))).fetchOne(0, Long.class);
    }
    Table<?> t = DSL.table(DSL.name(table));
    Field<Object> ctid = DSL.field(DSL.name("ctid"));
    // Guarded as the function guards: the bound tenant's workspace must be due at now.
    Condition due = DSL.exists(DSL.selectOne().from(DSL.table(DSL.name("workspaces")))
        .where(DSL.field(DSL.name("workspaces", "id"), SQLDataType.UUID).eq(workspace.value()))
        .and(DSL.field(DSL.name("workspaces", "status"), SQLDataType.VARCHAR).eq("CANCELLED"))
        .and(DSL.field(DSL.name("workspaces", "purge_at"), SQLDataType.TIMESTAMPWITHTIMEZONE)
            .le(SqlTime.utc(now))));
    return dsl.deleteFrom(t)
        .where(DSL.condition("{0} = any(array({1}))", ctid,
            DSL.select(ctid).from(t).where(ofWorkspace(table, workspace)).and(due).limit(limit)))
        .execute();
  }

  /** The expiry step's function of {@code crm_owner} that deletes a batch of its expired rows. */
  private static String purgeFunction(RetentionStep step) {
    if (step.equals(MAIL_TOKENS_STEP)) {
      return "crm_purge_expired_mail_tokens";
    }
    throw new IllegalArgumentException("not an expiry step: " + step.table());
  }

  /**
   * The finished imports' rows through {@code crm_purge_finished_imports}, which works workspace by
   * workspace under each one's row-level security (this platform transaction binds none).
   */
  private long finishedImports(Instant now, int limit, boolean delete) {
    OffsetDateTime before = SqlTime.utc(now).minus(FINISHED_IMPORTS_KEPT);
    return transactions.dsl().select(DSL.field("crm_purge_finished_imports({0}, {1}, {2}, {3})", SQLDataType.BIGINT,
        DSL.val(SqlTime.utc(now)), DSL.val(before), DSL.val(limit), DSL.val(delete))).fetchOne(0, Long.class);
  }

  /**
   * The privacy requests' expired codes through {@code crm_purge_expired_request_codes}, which works
   * workspace by workspace under each one's row-level security as the imports' function does.
   */
  private long requestCodes(Instant now, int limit, boolean delete) {
    OffsetDateTime before = SqlTime.utc(now).minus(REQUEST_CODES_KEPT);
    return transactions.dsl().select(DSL.field("crm_purge_expired_request_codes({0}, {1}, {2}, {3})",
        SQLDataType.BIGINT, DSL.val(SqlTime.utc(now)), DSL.val(before), DSL.val(limit), DSL.val(delete)))
        .fetchOne(0, Long.class);
  }

  @Override
  public long countExpired(RetentionStep step, Instant now) {
    if (step.equals(FINISHED_IMPORTS_STEP)) {
      return finishedImports(now, 1, false);
    }
    if (step.equals(REQUEST_CODES_STEP)) {
      return requestCodes(now, 1, false);
    }
    if (step.equals(SUBJECT_PACKAGES_STEP)) {
      return transactions.dsl().fetchCount(DSR_PACKAGES, DSR_PACKAGES.EXPIRES_AT.le(SqlTime.utc(now)));
    }
    purgeFunction(step); // a known step
    return transactions.dsl().fetchCount(MAIL_TOKENS, MAIL_TOKENS.EXPIRES_AT.le(SqlTime.utc(now)));
  }

  @Override
  public long deleteExpired(RetentionStep step, Instant now, int limit) {
    if (step.equals(FINISHED_IMPORTS_STEP)) {
      return finishedImports(now, limit, true);
    }
    if (step.equals(REQUEST_CODES_STEP)) {
      return requestCodes(now, limit, true);
    }
    return transactions.dsl().select(DSL.field(purgeFunction(step) + "({0}, {1})", SQLDataType.BIGINT,
        DSL.val(SqlTime.utc(now)), DSL.val(limit))).fetchOne(0, Long.class);
  }

  @Override
  public void addProgress(WorkspaceId workspace, String table, long rows) {
    var p = RETENTION_PROGRESS;
    transactions.dsl(workspace).insertInto(p)
        .set(p.TENANT_ID, workspace.value())
        .set(p.TABLE_NAME, table)
        .set(p.ROWS_DELETED, rows)
        .onConflict(p.TENANT_ID, p.TABLE_NAME)
        .doUpdate().set(p.ROWS_DELETED, p.ROWS_DELETED.plus(DSL.excluded(p.ROWS_DELETED)))
        .execute();
  }

  @Override
  public Map<String, Long> progress(WorkspaceId workspace) {
    var p = RETENTION_PROGRESS;
    Map<String, Long> progress = new LinkedHashMap<>();
    transactions.dsl(workspace).select(p.TABLE_NAME, p.ROWS_DELETED).from(p).where(p.TENANT_ID.eq(workspace.value()))
        .orderBy(p.TABLE_NAME)
        .forEach(row -> progress.put(row.value1(), row.value2()));
    return progress;
  }

  @Override
  public void startRun(UUID run, Instant startedAt) {
    var r = RETENTION_RUNS;
    transactions.dsl().insertInto(r)
        .set(r.ID, run)
        .set(r.STARTED_AT, SqlTime.utc(startedAt))
        .set(r.WORKSPACES_PURGED, 0)
        .execute();
  }

  @Override
  public void recordBatch(UUID run, String dataClass, long rows) {
    var c = RETENTION_RUN_COUNTS;
    transactions.dsl().insertInto(c)
        .set(c.RUN_ID, run)
        .set(c.DATA_CLASS, dataClass)
        .set(c.ROWS_DELETED, rows)
        .onConflict(c.RUN_ID, c.DATA_CLASS)
        .doUpdate().set(c.ROWS_DELETED, c.ROWS_DELETED.plus(DSL.excluded(c.ROWS_DELETED)))
        .execute();
  }

  @Override
  public void finishRun(UUID run, Instant finishedAt, int workspacesPurged) {
    var r = RETENTION_RUNS;
    transactions.dsl().update(r)
        .set(r.FINISHED_AT, SqlTime.utc(finishedAt))
        .set(r.WORKSPACES_PURGED, workspacesPurged)
        .where(r.ID.eq(run))
        .execute();
  }

  @Override
  public List<RetentionRun> runs(int limit) {
    var r = RETENTION_RUNS;
    var c = RETENTION_RUN_COUNTS;
    // One statement: the latest runs, each with its counts.
    var rows = transactions.dsl()
        .select(r.ID, r.STARTED_AT, r.FINISHED_AT, r.WORKSPACES_PURGED, c.DATA_CLASS, c.ROWS_DELETED)
        .from(DSL.select(r.ID, r.STARTED_AT, r.FINISHED_AT, r.WORKSPACES_PURGED).from(r)
            .orderBy(r.STARTED_AT.desc(), r.ID.desc()).limit(limit).asTable(r))
        .leftJoin(c).on(c.RUN_ID.eq(r.ID))
        .orderBy(r.STARTED_AT.desc(), r.ID.desc(), c.DATA_CLASS)
        .fetch();
    Map<UUID, RetentionRun> runs = new LinkedHashMap<>();
    Map<UUID, Map<String, Long>> counts = new LinkedHashMap<>();
    List<UUID> order = new ArrayList<>();
    for (var row : rows) {
      UUID id = row.value1();
      if (!counts.containsKey(id)) {
        order.add(id);
        counts.put(id, new LinkedHashMap<>());
        runs.put(id, new RetentionRun(id, row.value2().toInstant(),
            Optional.ofNullable(row.value3()).map(OffsetDateTime::toInstant), row.value4(), Map.of()));
      }
      if (row.value5() != null) {
        counts.get(id).put(row.value5(), row.value6());
      }
    }
    return order.stream().map(id -> {
      RetentionRun run = runs.get(id);
      return new RetentionRun(id, run.startedAt(), run.finishedAt(), run.workspacesPurged(), counts.get(id));
    }).toList();
  }
}
