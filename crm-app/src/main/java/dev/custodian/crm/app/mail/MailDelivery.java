package dev.custodian.crm.app.mail;

import dev.custodian.crm.core.mail.port.out.Mailer;
import dev.custodian.crm.core.mail.service.MailDispatcher;
import dev.custodian.crm.core.throttle.service.Throttle;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's background work for accounts: sends what is in the outbox every second (through
 * SMTP, or into {@code CRM_DATA_DIR/mail/} on the embedded default without SMTP) and purges ended
 * throttle windows every minute. A failed round is one WARN line; the next round tries again.
 */
public final class MailDelivery implements AutoCloseable {

  static final Duration DISPATCH_EVERY = Duration.ofSeconds(1);
  static final Duration PURGE_EVERY = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

  private final ScheduledExecutorService scheduler;

  private MailDelivery(MailDispatcher dispatcher, Throttle throttle) {
    this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "crm-mail");
      thread.setDaemon(true);
      return thread;
    });
    scheduler.scheduleWithFixedDelay(() -> quietly("sending mail", dispatcher::dispatchDue),
        DISPATCH_EVERY.toMillis(), DISPATCH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(() -> quietly("purging throttle windows", throttle::purgeEnded),
        PURGE_EVERY.toMillis(), PURGE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Starts the rounds; {@link #close()} stops them. */
  public static MailDelivery start(MailDispatcher dispatcher, Throttle throttle) {
    return new MailDelivery(dispatcher, throttle);
  }

  /** The mailer the configuration asks for: SMTP when set, else files under the data directory. */
  public static Mailer mailer(Optional<SmtpMailer.Settings> smtp, Path dataDir, String from, Clock clock)
      throws IOException {
    return smtp.isPresent() ? new SmtpMailer(smtp.get(), clock) : FileMailer.inDataDirectory(dataDir, from, clock);
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
