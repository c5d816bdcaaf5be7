package dev.custodian.crm.app.imports;

import dev.custodian.crm.core.imports.port.in.RunImportsUseCase;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's import workers ({@code CRM_IMPORT_WORKERS} threads), in the style of the mail
 * delivery: each claims a job from the queue, runs its batches to the end, and looks again; idle,
 * it waits {@code CRM_IMPORT_POLL_INTERVAL}, or less when an upload on this instance queued a job
 * ({@link ImportWakeups}). Each worker has a name unique across instances, so several instances
 * share the queue. A failed round is one WARN line naming no row.
 */
public final class ImportWorkers implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ImportWorkers.class);

  private final ExecutorService threads;
  private volatile boolean closed;

  private ImportWorkers(RunImportsUseCase runner, int workers, Duration pollInterval, ImportWakeups wakeups) {
    AtomicInteger number = new AtomicInteger();
    this.threads = Executors.newFixedThreadPool(workers, runnable -> {
      Thread thread = new Thread(runnable, "crm-import-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    String instance = UUID.randomUUID().toString().substring(0, 8);
    for (int i = 1; i <= workers; i++) {
      String worker = "import-" + instance + "-" + i;
      threads.execute(() -> {
        try {
          while (!closed && !Thread.currentThread().isInterrupted()) {
            wakeups.await(pollInterval);
            round(runner, worker);
          }
        } catch (InterruptedException e) {
          // closing
        }
      });
    }
  }

  private void round(RunImportsUseCase runner, String worker) {
    try {
      while (!closed && !Thread.currentThread().isInterrupted() && runner.runNext(worker, Integer.MAX_VALUE) > 0) {
        // a job ran: look for the next at once
      }
    } catch (RuntimeException e) {
      log.warn("An import worker's round failed ({}); the next one tries again", e.getClass().getSimpleName());
    }
  }

  /** Starts the workers; {@link #close()} stops them (a batch in flight rolls back; its lease runs out). */
  public static ImportWorkers start(RunImportsUseCase runner, int workers, Duration pollInterval,
      ImportWakeups wakeups) {
    return new ImportWorkers(runner, workers, pollInterval, wakeups);
  }

  @Override
  public void close() {
    closed = true;
    threads.shutdownNow();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
