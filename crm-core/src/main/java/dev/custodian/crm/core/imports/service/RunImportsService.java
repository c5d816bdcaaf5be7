package dev.custodian.crm.core.imports.service;

import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.CrmException;
import dev.custodian.crm.core.imports.ImportJob;
import dev.custodian.crm.core.imports.ImportState;
import dev.custodian.crm.core.imports.StagedRow;
import dev.custodian.crm.core.imports.port.in.RunImportsUseCase;
import dev.custodian.crm.core.imports.port.out.ImportJobRepository;
import dev.custodian.crm.core.imports.port.out.ImportQueue;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.workspace.WorkspaceStatus;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Service: what a worker runs. It claims a job from the platform queue (a lease), then runs its
 * batches, each one transaction of the job's workspace: the lease renewed (a worker that lost it
 * stops), the job locked, up to {@code batchSize} staged rows counted, their error rows written and
 * the rows deleted, the job's counts updated. A crash rolls a batch back whole; the next claim
 * resumes after the last committed batch, so each row is counted once. A batch that fails
 * {@value #MAX_ATTEMPTS} times in a row (not for its rows, which are error rows) ends the job
 * FAILED, its rows left dropped. A duplicate key met on a write (a record the API made since the
 * batch's lookup) retries the batch at once, without counting an attempt: the retry's lookup sees
 * the record, a duplicate. A job whose workspace was cancelled (or deleted) after it was queued is
 * not run: its first batch ends it CANCELLED, its staged rows deleted, and takes it off the queue
 * (reactivating the workspace does not bring it back: the file is uploaded again).
 */
final class RunImportsService implements RunImportsUseCase {

  static final int MAX_ATTEMPTS = 3;
  /** Retries of a batch for duplicates made meanwhile, before they count as failed attempts. */
  private static final int MAX_DUPLICATE_RETRIES = 5;

  private final Transactions transactions;
  private final WorkspaceRepository workspaces;
  private final ImportJobRepository jobs;
  private final ImportQueue queue;
  private final ImportBatch batch;
  private final ImportSettings settings;
  private final Clock clock;

  RunImportsService(Transactions transactions, WorkspaceRepository workspaces, ImportJobRepository jobs,
      ImportQueue queue, ImportBatch batch, ImportSettings settings, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.batch = Objects.requireNonNull(batch, "batch");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** What a batch left: more to run, or the job is done (finished, or no longer this worker's). */
  private enum Next { MORE, DONE }

  /** What a batch left: whether more follow, and the last line it took (the next batch reads after it). */
  private record Done(Next next, long lastLine) {}

  @Override
  public int runNext(String worker, int maxBatches) {
    Instant now = clock.instant();
    Optional<ImportQueue.Claim> claimed = transactions.inPlatform(
        () -> queue.claim(worker, now, now.plus(settings.lease())));
    if (claimed.isEmpty()) {
      return 0;
    }
    ImportQueue.Claim claim = claimed.get();
    int batches = 0;
    int duplicates = 0;
    long afterLine = 0; // from the first staged row at a claim; past each committed batch's last line after it
    while (batches < maxBatches) {
      Done done;
      long after = afterLine;
      try {
        done = transactions.inWorkspace(claim.workspace(), () -> runBatch(claim, after));
      } catch (ConflictException e) {
        if (e.kind() == CrmException.Kind.DUPLICATE && duplicates++ < MAX_DUPLICATE_RETRIES) {
          continue;
        }
        if (failed(claim)) {
          return batches + 1;
        }
        continue;
      } catch (RuntimeException e) {
        if (failed(claim)) {
          return batches + 1;
        }
        continue;
      }
      batches++;
      afterLine = done.lastLine();
      if (done.next() == Next.DONE) {
        break;
      }
    }
    return batches;
  }

  private Done runBatch(ImportQueue.Claim claim, long afterLine) {
    Instant now = Timestamps.now(clock);
    if (!queue.renew(claim, now.plus(settings.lease()))) {
      return new Done(Next.DONE, afterLine); // another worker holds it now, or it was cancelled
    }
    Optional<ImportJob> found = jobs.findByIdForUpdate(claim.workspace(), claim.job());
    if (found.isEmpty() || found.get().state().isFinal()) {
      queue.remove(claim.workspace(), claim.job());
      return new Done(Next.DONE, afterLine);
    }
    ImportJob job = found.get();
    boolean active = workspaces.findById(claim.workspace())
        .filter(w -> !(w.status() instanceof WorkspaceStatus.Cancelled)).isPresent();
    if (!active) { // cancelled since the job was queued: it may be read until its purge, not changed
      jobs.deleteRows(claim.workspace(), claim.job());
      jobs.update(job.finished(ImportState.CANCELLED, now));
      queue.remove(claim.workspace(), claim.job());
      return new Done(Next.DONE, afterLine);
    }
    List<StagedRow> rows = jobs.nextRows(claim.workspace(), claim.job(), afterLine, settings.batchSize());
    if (rows.isEmpty()) {
      jobs.update(completed(job, now));
      queue.remove(claim.workspace(), claim.job());
      return new Done(Next.DONE, afterLine);
    }
    ImportBatch.Outcome outcome = batch.run(job, rows, now);
    if (!outcome.errors().isEmpty()) {
      jobs.addErrors(claim.workspace(), claim.job(), outcome.errors());
    }
    jobs.deleteRowsBetween(claim.workspace(), claim.job(), rows.get(0).line(), rows.get(rows.size() - 1).line());
    ImportJob after = job.afterBatch(outcome.created(), outcome.updated(), outcome.skipped(), outcome.failed(), now);
    boolean last = rows.size() < settings.batchSize() || after.counts().counted() == after.counts().read();
    if (last) {
      after = completed(after, now);
      queue.remove(claim.workspace(), claim.job());
    }
    jobs.update(after);
    return new Done(last ? Next.DONE : Next.MORE, rows.get(rows.size() - 1).line());
  }

  /**
   * The job completed: rows an erasure deleted from the stage (its person's email or phone) never
   * reached a batch, and count as failed, so the counts still sum to the rows read.
   */
  private static ImportJob completed(ImportJob job, Instant now) {
    long erased = job.counts().read() - job.counts().counted();
    return job.afterBatch(0, 0, 0, erased, now).finished(ImportState.COMPLETED, now);
  }

  /** Counts a failed attempt; at the last, ends the job FAILED. True when the job ended. */
  private boolean failed(ImportQueue.Claim claim) {
    int attempts = transactions.inPlatform(() -> queue.failedAttempt(claim));
    if (attempts < MAX_ATTEMPTS) {
      return false;
    }
    transactions.inWorkspace(claim.workspace(), () -> {
      jobs.findByIdForUpdate(claim.workspace(), claim.job()).filter(job -> !job.state().isFinal()).ifPresent(job -> {
        jobs.deleteRows(claim.workspace(), claim.job());
        jobs.update(job.finished(ImportState.FAILED, Timestamps.now(clock)));
      });
      queue.remove(claim.workspace(), claim.job());
      return null;
    });
    return true;
  }
}
