package dev.custodian.crm.app.database;

import dev.custodian.crm.app.StartupException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the embedded PostgreSQL's postmaster while the server runs: when it dies, starts it
 * again (PostgreSQL recovers from its write-ahead log); when that fails twice, logs one error and
 * exits the process with {@link #EXIT_CODE}, so that a supervisor restarts the whole server.
 */
public final class EmbeddedPostgresWatchdog implements AutoCloseable {

  /** The exit code when the embedded PostgreSQL died and could not be started again. */
  public static final int EXIT_CODE = 3;

  static final Duration INTERVAL = Duration.ofSeconds(1);
  static final int ATTEMPTS = 2;

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresWatchdog.class);

  private enum State { UP, RECOVERING, GAVE_UP }

  private final EmbeddedPostgresDatabase database;
  private final IntConsumer exit;
  private final Duration interval;
  private final ScheduledExecutorService executor;
  private volatile State state = State.UP;

  private EmbeddedPostgresWatchdog(EmbeddedPostgresDatabase database, Duration interval,
      IntConsumer exit) {
    this.database = Objects.requireNonNull(database, "database");
    this.interval = interval;
    this.exit = exit;
    this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "embedded-postgres-watchdog");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Starts watching {@code database}; a failed recovery ends the process ({@link System#exit}). */
  public static EmbeddedPostgresWatchdog start(EmbeddedPostgresDatabase database) {
    return start(database, INTERVAL, System::exit);
  }

  static EmbeddedPostgresWatchdog start(EmbeddedPostgresDatabase database, Duration interval,
      IntConsumer exit) {
    EmbeddedPostgresWatchdog watchdog = new EmbeddedPostgresWatchdog(database, interval, exit);
    watchdog.executor.scheduleWithFixedDelay(watchdog::check, interval.toMillis(),
        interval.toMillis(), TimeUnit.MILLISECONDS);
    return watchdog;
  }

  /** False while the database is down and not being started again, or after recovery failed. */
  public boolean isAlive() {
    State current = state;
    return current == State.RECOVERING || (current == State.UP && database.isRunning());
  }

  /** Stops watching (before the database itself is stopped); never waits for a check. */
  @Override
  public void close() {
    executor.shutdownNow();
  }

  private void check() {
    try {
      if (state != State.UP || database.isRunning() || executor.isShutdown()) {
        return;
      }
      state = State.RECOVERING;
      log.warn("The embedded PostgreSQL stopped unexpectedly; starting it again");
      for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
        try {
          database.restart();
          state = State.UP;
          log.info("The embedded PostgreSQL runs again (attempt {})", attempt);
          return;
        } catch (RuntimeException e) {
          // a StartupException's message is one line without secrets; anything else by its class
          log.warn("Starting the embedded PostgreSQL again failed (attempt {}): {}", attempt,
              e instanceof StartupException ? e.getMessage() : e.getClass().getName());
          if (executor.isShutdown()) {
            return; // the server is stopping: nothing to recover
          }
          Thread.sleep(interval.toMillis()); // let the dead server's last processes exit
        }
      }
      state = State.GAVE_UP;
      log.error("The embedded PostgreSQL died and could not be started again; exiting with code {}"
          + " so that a supervisor restarts the server", EXIT_CODE);
      exit.accept(EXIT_CODE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closing
    } catch (RuntimeException e) {
      log.warn("Watching the embedded PostgreSQL failed: {}", e.getClass().getName());
    }
  }
}
