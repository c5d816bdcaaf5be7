package dev.custodian.crm.app.imports;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes an idle import worker of this instance when an upload here queued a job, so the job starts
 * at once rather than at the worker's next look ({@code CRM_IMPORT_POLL_INTERVAL}); a job queued on
 * another instance is found by that look. Each wake-up wakes one worker; one more than needed only
 * makes a worker look once.
 */
public final class ImportWakeups {

  /** Wake-ups kept for workers that are busy: more than this many wake no more workers. */
  private static final int MAX_PENDING = 64;

  private final Semaphore queued = new Semaphore(0);

  /** A job was queued on this instance. */
  public void jobQueued() {
    if (queued.availablePermits() < MAX_PENDING) {
      queued.release();
    }
  }

  /** Waits until a job is queued here or {@code timeout} passed; true when a job was queued. */
  boolean await(Duration timeout) throws InterruptedException {
    return queued.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
