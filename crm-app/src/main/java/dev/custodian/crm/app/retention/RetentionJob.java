package dev.custodian.crm.app.retention;

import dev.custodian.crm.core.retention.port.in.RunRetentionUseCase;
import dev.custodian.crm.core.workspace.port.in.QueuePurgeRemindersUseCase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's retention work, in the style of the mail delivery: every {@code CRM_RETENTION_INTERVAL}
 * it runs the retention engine, which purges the cancelled workspaces whose {@code purgeAt} has
 * come (RET-03: within a day at most) and deletes the other rows the data map's rules make due
 * (expired mail tokens, and the data-subject packages whose download time ended, {@code
 * CRM_DSR_DOWNLOAD_TTL}), and queues the purge reminders now due. Several instances may run it on one database: a
 * workspace is worked by one of them at a time. A failed round is one WARN line; the next
 * round tries again.
 */
public final class RetentionJob implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

  private final ScheduledExecutorService scheduler;

  private RetentionJob(QueuePurgeRemindersUseCase reminders, RunRetentionUseCase retention, Duration interval) {
    this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "crm-retention");
      thread.setDaemon(true);
      return thread;
    });
    scheduler.scheduleWithFixedDelay(() -> {
      quietly("retention", retention::run);
      quietly("queueing purge reminders", reminders::queueDue);
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Starts the rounds; {@link #close()} stops them. */
  public static RetentionJob start(QueuePurgeRemindersUseCase reminders, RunRetentionUseCase retention,
      Duration interval) {
    return new RetentionJob(reminders, retention, interval);
  }

  private static void quietly(String what, Runnable round) {
    try {
      round.run();
    } catch (RuntimeException e) {
      log.warn("A round of {} failed ({}); the next one tries again", what, e.getClass().getSimpleName());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
