package dev.custodian.crm.persistence.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event of the JVM (all loggers, all levels) while open, with messages,
 * arguments and stack traces rendered, so a test can prove that no line holds a given value.
 */
public final class LogCapture implements AutoCloseable {

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ch.qos.logback.classic.Level previous = root.getLevel();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  public LogCapture() {
    this(ch.qos.logback.classic.Level.ALL); // DEBUG and TRACE lines count too
  }

  /**
   * Captures events from {@code level} up, e.g. INFO for what a server logs as configured (its
   * libraries' DEBUG output, off in production, may echo a request for diagnosis).
   */
  public LogCapture(ch.qos.logback.classic.Level level) {
    appender.start();
    root.setLevel(level);
    root.addAppender(appender);
  }

  /** Every captured event as text: message, arguments, and the whole chain of throwables. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (ILoggingEvent event : List.copyOf(appender.list)) {
      StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
          .append(event.getFormattedMessage());
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
      }
      lines.add(line.toString());
    }
    return lines;
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    root.setLevel(previous);
  }
}
