package dev.custodian.crm.persistence.imports;

import static dev.custodian.crm.persistence.generated.Tables.IMPORT_QUEUE;

import dev.custodian.crm.core.imports.ImportJobId;
import dev.custodian.crm.core.imports.port.out.ImportQueue;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.SqlTime;
import java.time.Instant;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: {@link ImportQueue} on the platform table {@code import_queue} (no
 * row-level security: it names workspaces and jobs only). A claim is one statement: the oldest
 * entry that is its workspace's oldest and whose lease ended, locked with {@code SKIP LOCKED}, so
 * workers on any instance each get another.
 */
final class JooqImportQueue implements ImportQueue {

  private final JooqTransactions transactions;

  JooqImportQueue(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void enqueue(WorkspaceId workspace, ImportJobId job, Instant now) {
    transactions.dsl().insertInto(IMPORT_QUEUE)
        .set(IMPORT_QUEUE.WORKSPACE_ID, workspace.value())
        .set(IMPORT_QUEUE.JOB_ID, job.value())
        .set(IMPORT_QUEUE.QUEUED_AT, SqlTime.utc(now))
        .set(IMPORT_QUEUE.ATTEMPTS, 0)
        .execute();
  }

  @Override
  public Optional<Claim> claim(String worker, Instant now, Instant leasedUntil) {
    var q = IMPORT_QUEUE.as("q");
    var older = IMPORT_QUEUE.as("older");
    return transactions.dsl().update(IMPORT_QUEUE)
        .set(IMPORT_QUEUE.LEASED_BY, worker)
        .set(IMPORT_QUEUE.LEASED_UNTIL, SqlTime.utc(leasedUntil))
        .where(DSL.row(IMPORT_QUEUE.WORKSPACE_ID, IMPORT_QUEUE.JOB_ID).in(
            DSL.select(q.WORKSPACE_ID, q.JOB_ID)
                .from(q)
                .where(q.LEASED_UNTIL.isNull().or(q.LEASED_UNTIL.lt(SqlTime.utc(now))))
                // its workspace's oldest: one job at a time per workspace
                .andNotExists(DSL.selectOne().from(older)
                    .where(older.WORKSPACE_ID.eq(q.WORKSPACE_ID))
                    .and(DSL.row(older.QUEUED_AT, older.JOB_ID).lt(q.QUEUED_AT, q.JOB_ID)))
                .orderBy(q.QUEUED_AT, q.JOB_ID)
                .limit(1)
                .forUpdate()
                .skipLocked()))
        .returning(IMPORT_QUEUE.WORKSPACE_ID, IMPORT_QUEUE.JOB_ID, IMPORT_QUEUE.ATTEMPTS)
        .fetchOptional()
        .map(r -> new Claim(WorkspaceId.of(r.getWorkspaceId()), ImportJobId.of(r.getJobId()), worker, r.getAttempts()));
  }

  /**
   * One statement, the batch's first: the lease extended (a data-modifying {@code WITH} on this
   * platform table), in a select whose list also binds the batch's workspace transaction (when it
   * is not bound yet; no workspace-owned row is read before) and lets that transaction commit
   * without waiting for its WAL to reach disk ({@code synchronous_commit} off, for this transaction
   * only). A batch lost that way in a database crash is lost whole, with every transaction after
   * it (the WAL is one sequence): its staged rows, counts and queue entry come back as they were
   * and the next claim runs it again, as after any crash mid-batch; a later synchronous commit (an
   * erasure's) flushes it first. It saves each batch a round trip and the wait for a disk flush.
   */
  @Override
  public boolean renew(Claim claim, Instant leasedUntil) {
    Field<String> binding = transactions.takeTenantBinding().orElse(DSL.inline((String) null));
    Record renewed = transactions.dsl().resultQuery(RENEW, DSL.val(SqlTime.utc(leasedUntil)),
        DSL.val(claim.workspace().value()), DSL.val(claim.job().value()), DSL.val(claim.worker()), binding)
        .fetchOne();
    return renewed != null && renewed.get("renewed", Integer.class) == 1;
  }

  /** {@link #renew}'s statement. */
  private static final String RENEW = """
      with renewed as (update import_queue set leased_until = {0}, attempts = 0
          where workspace_id = {1} and job_id = {2} and leased_by = {3} returning 1)
      select {4} as tenant, set_config('synchronous_commit', 'off', true) as synchronous_commit,
          (select count(*) from renewed)::integer as renewed""";

  @Override
  public int failedAttempt(Claim claim) {
    return transactions.dsl().update(IMPORT_QUEUE)
        .set(IMPORT_QUEUE.ATTEMPTS, IMPORT_QUEUE.ATTEMPTS.plus(1))
        .where(IMPORT_QUEUE.WORKSPACE_ID.eq(claim.workspace().value()))
        .and(IMPORT_QUEUE.JOB_ID.eq(claim.job().value()))
        .returning(IMPORT_QUEUE.ATTEMPTS)
        .fetchOptional()
        .map(r -> r.getAttempts())
        .orElse(Integer.MAX_VALUE);
  }

  @Override
  public void remove(WorkspaceId workspace, ImportJobId job) {
    transactions.dsl().deleteFrom(IMPORT_QUEUE)
        .where(IMPORT_QUEUE.WORKSPACE_ID.eq(workspace.value()))
        .and(IMPORT_QUEUE.JOB_ID.eq(job.value()))
        .execute();
  }
}
