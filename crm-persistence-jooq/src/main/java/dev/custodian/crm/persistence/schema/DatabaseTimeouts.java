package dev.custodian.crm.persistence.schema;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the application role's connections wait on PostgreSQL, so that a database that does
 * not answer fails a request in seconds instead of holding it (and a pool connection) forever.
 *
 * @param answer the longest wait for any answer: for a pooled connection, for a new connection's
 *     login, and for each reply on an open one (pgjdbc counts it in whole seconds)
 * @param statement the server-side {@code statement_timeout} of the role's sessions; shorter than
 *     {@code answer}, so a slow statement is cancelled by the server (its connection stays usable)
 *     before the client gives up on the connection
 */
public record DatabaseTimeouts(Duration answer, Duration statement) {

  /** The margin by which the derived statement timeout undercuts {@code answer}. */
  static final Duration STATEMENT_MARGIN = Duration.ofMillis(500);

  /** Three seconds to answer; statements cancelled after two and a half. */
  public static final DatabaseTimeouts DEFAULT = of(Duration.ofSeconds(3));

  public DatabaseTimeouts {
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(statement, "statement");
    if (answer.compareTo(Duration.ofSeconds(1)) < 0 || answer.toNanos() % 1_000_000_000L != 0) {
      throw new IllegalArgumentException("the answer timeout must be whole seconds, at least one");
    }
    if (statement.isNegative() || statement.isZero() || statement.compareTo(answer) >= 0
        || statement.toNanos() % 1_000_000L != 0) {
      throw new IllegalArgumentException(
          "the statement timeout must be whole milliseconds, positive and shorter than the answer timeout");
    }
  }

  /** {@code answer}, with the statement timeout half a second shorter. */
  public static DatabaseTimeouts of(Duration answer) {
    return new DatabaseTimeouts(answer, answer.minus(STATEMENT_MARGIN));
  }
}
