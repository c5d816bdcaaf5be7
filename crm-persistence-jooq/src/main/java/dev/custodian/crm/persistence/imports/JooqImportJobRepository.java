package dev.custodian.crm.persistence.imports;

import static dev.custodian.crm.persistence.generated.Tables.IMPORT_ERRORS;
import static dev.custodian.crm.persistence.generated.Tables.IMPORT_JOBS;
import static dev.custodian.crm.persistence.generated.Tables.IMPORT_ROWS;

import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.imports.DuplicateMode;
import dev.custodian.crm.core.imports.ImportCounts;
import dev.custodian.crm.core.imports.ImportError;
import dev.custodian.crm.core.imports.ImportJob;
import dev.custodian.crm.core.imports.ImportJobId;
import dev.custodian.crm.core.imports.ImportObject;
import dev.custodian.crm.core.imports.ImportState;
import dev.custodian.crm.core.imports.StagedCells;
import dev.custodian.crm.core.imports.StagedRow;
import dev.custodian.crm.core.imports.port.out.ImportJobRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.DatabaseErrors;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.KeysetPaging;
import dev.custodian.crm.persistence.common.SqlTime;
import dev.custodian.crm.persistence.generated.tables.records.ImportJobsRecord;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Persistence adapter: {@link ImportJobRepository} on {@code import_jobs}, {@code import_rows} and
 * {@code import_errors}, each query filtered by {@code tenant_id} besides row-level security.
 */
final class JooqImportJobRepository implements ImportJobRepository {

  /** The key of the workspace suppression list's lock (as the erasure's store takes it). */
  private static final String SUPPRESSION_LIST_LOCK = "suppression-list:";

  private final JooqTransactions transactions;

  JooqImportJobRepository(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void insert(ImportJob job) {
    try {
      transactions.dsl(job.workspace()).insertInto(IMPORT_JOBS)
          .set(IMPORT_JOBS.TENANT_ID, job.workspace().value())
          .set(IMPORT_JOBS.ID, job.id().value())
          .set(IMPORT_JOBS.OBJECT, job.object().name())
          .set(IMPORT_JOBS.ON_DUPLICATE, job.onDuplicate().name())
          .set(IMPORT_JOBS.FIELDS, String.join(",", job.fields()))
          .set(IMPORT_JOBS.STATE, job.state().name())
          .set(IMPORT_JOBS.ROWS_READ, job.counts().read())
          .set(IMPORT_JOBS.CREATED, job.counts().created())
          .set(IMPORT_JOBS.UPDATED, job.counts().updated())
          .set(IMPORT_JOBS.SKIPPED, job.counts().skipped())
          .set(IMPORT_JOBS.FAILED, job.counts().failed())
          .set(IMPORT_JOBS.CREATED_AT, SqlTime.utc(job.createdAt()))
          .set(IMPORT_JOBS.UPDATED_AT, SqlTime.utc(job.updatedAt()))
          .set(IMPORT_JOBS.FINISHED_AT, job.finishedAt().map(SqlTime::utc).orElse(null))
          .execute();
    } catch (org.jooq.exception.DataAccessException e) {
      if (DatabaseErrors.isViolation(e, DatabaseErrors.FOREIGN_KEY_VIOLATION, "import_jobs_workspace_fk")) {
        throw new NotFoundException("workspace");
      }
      throw e;
    }
  }

  @Override
  public Optional<ImportJob> findById(WorkspaceId workspace, ImportJobId id) {
    return transactions.dsl(workspace).selectFrom(IMPORT_JOBS)
        .where(IMPORT_JOBS.TENANT_ID.eq(workspace.value())).and(IMPORT_JOBS.ID.eq(id.value()))
        .fetchOptional().map(JooqImportJobRepository::job);
  }

  @Override
  public Optional<ImportJob> findByIdForUpdate(WorkspaceId workspace, ImportJobId id) {
    return transactions.dsl(workspace).selectFrom(IMPORT_JOBS)
        .where(IMPORT_JOBS.TENANT_ID.eq(workspace.value())).and(IMPORT_JOBS.ID.eq(id.value()))
        .forUpdate()
        .fetchOptional().map(JooqImportJobRepository::job);
  }

  @Override
  public Page<ImportJob> list(WorkspaceId workspace, PageRequest page) {
    return KeysetPaging.page(transactions.dsl(workspace).select(IMPORT_JOBS.fields()).from(IMPORT_JOBS)
            .where(IMPORT_JOBS.TENANT_ID.eq(workspace.value())), IMPORT_JOBS.CREATED_AT, IMPORT_JOBS.ID, page)
        .map(r -> job(r.into(IMPORT_JOBS)));
  }

  @Override
  public boolean update(ImportJob job) {
    return transactions.dsl(job.workspace()).update(IMPORT_JOBS)
        .set(IMPORT_JOBS.STATE, job.state().name())
        .set(IMPORT_JOBS.ROWS_READ, job.counts().read())
        .set(IMPORT_JOBS.CREATED, job.counts().created())
        .set(IMPORT_JOBS.UPDATED, job.counts().updated())
        .set(IMPORT_JOBS.SKIPPED, job.counts().skipped())
        .set(IMPORT_JOBS.FAILED, job.counts().failed())
        .set(IMPORT_JOBS.UPDATED_AT, SqlTime.utc(job.updatedAt()))
        .set(IMPORT_JOBS.FINISHED_AT, job.finishedAt().map(SqlTime::utc).orElse(null))
        .where(IMPORT_JOBS.TENANT_ID.eq(job.workspace().value())).and(IMPORT_JOBS.ID.eq(job.id().value()))
        .execute() == 1;
  }

  /**
   * One small statement per call (COPY FROM refuses tables under row-level security): each column
   * bound as one array and spread by {@code unnest}, as the contacts' {@code insertAll} does, so
   * neither jOOQ nor PostgreSQL handles a bind value per cell. The tenant and the job are bound
   * once; row-level security checks every row as for any insert.
   */
  @Override
  public void stage(WorkspaceId workspace, ImportJobId job, List<StagedRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    int n = rows.size();
    Long[] lines = new Long[n];
    String[] cells = new String[n];
    String[] matchKeys = new String[n];
    String[] phones = new String[n];
    for (int i = 0; i < n; i++) {
      StagedRow row = rows.get(i);
      lines[i] = row.line();
      cells[i] = StagedCells.encode(row.cells());
      matchKeys[i] = row.matchKey().orElse(null);
      phones[i] = row.phone().orElse(null);
    }
    transactions.dsl(workspace).execute(STAGE, DSL.val(workspace.value()), DSL.val(job.value()),
        DSL.val(lines, SQLDataType.BIGINT.array()), texts(cells), texts(matchKeys), texts(phones));
  }

  /** {@link #stage}'s statement: the tenant and the job, then one array per further column. */
  private static final String STAGE = """
      insert into import_rows (tenant_id, job_id, line, cells, match_key, phone)
      select {0}, {1}, u.* from unnest({2}::bigint[], {3}::text[], {4}::text[], {5}::text[]) as u""";

  private static Field<String[]> texts(String[] values) {
    return DSL.val(values, SQLDataType.VARCHAR.array());
  }

  @Override
  public List<StagedRow> nextRows(WorkspaceId workspace, ImportJobId job, long afterLine, int limit) {
    return transactions.dsl(workspace)
        .select(IMPORT_ROWS.LINE, IMPORT_ROWS.CELLS, IMPORT_ROWS.MATCH_KEY, IMPORT_ROWS.PHONE)
        .from(IMPORT_ROWS)
        .where(IMPORT_ROWS.TENANT_ID.eq(workspace.value())).and(IMPORT_ROWS.JOB_ID.eq(job.value()))
        .and(IMPORT_ROWS.LINE.gt(afterLine))
        .orderBy(IMPORT_ROWS.LINE)
        .limit(limit)
        .fetch(r -> new StagedRow(r.value1(), StagedCells.decode(r.value2()), Optional.ofNullable(r.value3()),
            Optional.ofNullable(r.value4())));
  }

  @Override
  public void deleteRowsBetween(WorkspaceId workspace, ImportJobId job, long firstLine, long lastLine) {
    transactions.dsl(workspace).deleteFrom(IMPORT_ROWS)
        .where(IMPORT_ROWS.TENANT_ID.eq(workspace.value())).and(IMPORT_ROWS.JOB_ID.eq(job.value()))
        .and(IMPORT_ROWS.LINE.between(firstLine, lastLine))
        .execute();
  }

  @Override
  public void deleteRows(WorkspaceId workspace, ImportJobId job) {
    transactions.dsl(workspace).deleteFrom(IMPORT_ROWS)
        .where(IMPORT_ROWS.TENANT_ID.eq(workspace.value())).and(IMPORT_ROWS.JOB_ID.eq(job.value()))
        .execute();
  }

  /** One statement for all of a batch's error rows, each column one array spread by {@code unnest}. */
  @Override
  public void addErrors(WorkspaceId workspace, ImportJobId job, List<ImportError> errors) {
    if (errors.isEmpty()) {
      return;
    }
    int n = errors.size();
    Long[] lines = new Long[n];
    Integer[] positions = new Integer[n];
    String[] fields = new String[n];
    String[] details = new String[n];
    long line = -1;
    int position = 0;
    for (int i = 0; i < n; i++) {
      ImportError error = errors.get(i);
      position = error.line() == line ? position + 1 : 0;
      line = error.line();
      lines[i] = error.line();
      positions[i] = position;
      fields[i] = truncate(error.field(), 200);
      details[i] = truncate(error.error(), 500);
    }
    transactions.dsl(workspace).execute(ADD_ERRORS, DSL.val(workspace.value()), DSL.val(job.value()),
        DSL.val(lines, SQLDataType.BIGINT.array()), DSL.val(positions, SQLDataType.INTEGER.array()), texts(fields),
        texts(details));
  }

  /** {@link #addErrors}'s statement: the tenant and the job, then one array per further column. */
  private static final String ADD_ERRORS = """
      insert into import_errors (tenant_id, job_id, line, position, field, error)
      select {0}, {1}, u.* from unnest({2}::bigint[], {3}::integer[], {4}::text[], {5}::text[]) as u""";

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  /** The job and its errors in one statement: a job without errors is one row of nulls. */
  @Override
  public boolean errors(WorkspaceId workspace, ImportJobId job, Consumer<? super ImportError> sink) {
    DSLContext dsl = transactions.dsl(workspace);
    boolean[] found = {false};
    try (Stream<Record4<UUID, Long, String, String>> rows = dsl
        .select(IMPORT_JOBS.ID, IMPORT_ERRORS.LINE, IMPORT_ERRORS.FIELD, IMPORT_ERRORS.ERROR)
        .from(IMPORT_JOBS)
        .leftJoin(IMPORT_ERRORS).on(IMPORT_ERRORS.TENANT_ID.eq(IMPORT_JOBS.TENANT_ID))
        .and(IMPORT_ERRORS.JOB_ID.eq(IMPORT_JOBS.ID))
        .where(IMPORT_JOBS.TENANT_ID.eq(workspace.value())).and(IMPORT_JOBS.ID.eq(job.value()))
        .orderBy(IMPORT_ERRORS.LINE, IMPORT_ERRORS.POSITION)
        .fetchSize(KeysetPaging.EXPORT_FETCH_SIZE)
        .stream()) {
      rows.forEach(r -> {
        found[0] = true;
        if (r.value2() != null) {
          sink.accept(new ImportError(r.value2(), r.value3(), r.value4()));
        }
      });
    }
    return found[0];
  }

  /**
   * The workspace suppression list's lock first, exclusively (an erasure's addition to the list
   * takes it too): an import batch checks the list under the shared lock, so the erasure and the
   * batch meet in one order, and a batch that read these rows has committed before they go.
   */
  @Override
  public int deleteStagedOf(WorkspaceId workspace, Optional<String> email, Optional<String> phone) {
    if (email.isEmpty() && phone.isEmpty()) {
      return 0;
    }
    DSLContext dsl = transactions.dsl(workspace);
    dsl.select(DSL.function("pg_advisory_xact_lock", Object.class, DSL.function("hashtextextended", Long.class,
        DSL.val(SUPPRESSION_LIST_LOCK + workspace.value()), DSL.inline(0L)))).fetch();
    List<Condition> matches = new ArrayList<>();
    email.ifPresent(e -> matches.add(IMPORT_ROWS.MATCH_KEY.eq(e)));
    phone.ifPresent(p -> matches.add(IMPORT_ROWS.PHONE.eq(p)));
    return dsl.deleteFrom(IMPORT_ROWS)
        .where(IMPORT_ROWS.TENANT_ID.eq(workspace.value()))
        .and(DSL.or(matches))
        .execute();
  }

  @Override
  public void streamStagedOf(WorkspaceId workspace, Optional<String> email, Optional<String> phone,
      Consumer<StagedRow> sink) {
    if (email.isEmpty() && phone.isEmpty()) {
      return;
    }
    List<Condition> matches = new ArrayList<>();
    email.ifPresent(e -> matches.add(IMPORT_ROWS.MATCH_KEY.eq(e)));
    phone.ifPresent(p -> matches.add(IMPORT_ROWS.PHONE.eq(p)));
    try (var cursor = transactions.dsl(workspace)
        .select(IMPORT_ROWS.LINE, IMPORT_ROWS.CELLS, IMPORT_ROWS.MATCH_KEY, IMPORT_ROWS.PHONE)
        .from(IMPORT_ROWS)
        .where(IMPORT_ROWS.TENANT_ID.eq(workspace.value()))
        .and(DSL.or(matches))
        .orderBy(IMPORT_ROWS.JOB_ID, IMPORT_ROWS.LINE)
        .fetchSize(200).fetchLazy()) {
      cursor.forEach(r -> sink.accept(new StagedRow(r.value1(), StagedCells.decode(r.value2()),
          Optional.ofNullable(r.value3()), Optional.ofNullable(r.value4()))));
    }
  }

  private static ImportJob job(ImportJobsRecord r) {
    return new ImportJob(WorkspaceId.of(r.getTenantId()), ImportJobId.of(r.getId()), ImportObject.valueOf(r.getObject()),
        DuplicateMode.valueOf(r.getOnDuplicate()), Arrays.asList(r.getFields().split(",")),
        ImportState.valueOf(r.getState()),
        new ImportCounts(r.getRowsRead(), r.getCreated(), r.getUpdated(), r.getSkipped(), r.getFailed()),
        r.getCreatedAt().toInstant(), r.getUpdatedAt().toInstant(),
        Optional.ofNullable(r.getFinishedAt()).map(OffsetDateTime::toInstant));
  }
}
