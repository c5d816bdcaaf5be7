package dev.custodian.crm.persistence.imports;

import static dev.custodian.crm.persistence.generated.Tables.IMPORT_QUEUE;

import dev.custodian.crm.core.imports.ImportJobId;
import dev.custodian.crm.core.imports.port.out.ImportQueue;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.SqlTime;
import java.time.Instant;
import java.util.Optional;
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

  @Override
  public boolean renew(Claim claim, Instant leasedUntil) {
    return transactions.dsl().update(IMPORT_QUEUE)
        .set(IMPORT_QUEUE.LEASED_UNTIL, SqlTime.utc(leasedUntil))
        .set(IMPORT_QUEUE.ATTEMPTS, 0)
        .where(IMPORT_QUEUE.WORKSPACE_ID.eq(claim.workspace().value()))
        .and(IMPORT_QUEUE.JOB_ID.eq(claim.job().value()))
        .and(IMPORT_QUEUE.LEASED_BY.eq(claim.worker()))
        .execute() == 1;
  }

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
