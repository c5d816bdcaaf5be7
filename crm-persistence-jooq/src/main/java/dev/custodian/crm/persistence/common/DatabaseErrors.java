package dev.custodian.crm.persistence.common;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Recognises database errors by SQLState and constraint name, never by message text (messages are
 * localised, change between versions, and may quote the offending value).
 */
public final class DatabaseErrors {

  public static final String UNIQUE_VIOLATION = "23505";
  public static final String FOREIGN_KEY_VIOLATION = "23503";

  /** Not a connection failure, but a statement cancelled by the server's statement_timeout. */
  public static final String QUERY_CANCELED = "57014";

  /** admin_shutdown, crash_shutdown, cannot_connect_now; and too_many_connections. */
  private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

  private DatabaseErrors() {}

  /**
   * What failed, when {@code error} (or a cause) says the database did not answer or refused for
   * now: a connection failure (SQLState class 08), a statement cancelled by its timeout, a server
   * shutting down or starting, too many connections, or the pool's timeout. The text names the
   * exception class and SQLState only (a message may quote a value).
   */
  public static Optional<String> unavailable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.startsWith("08") || state.equals(QUERY_CANCELED) || UNAVAILABLE_STATES.contains(state)
            || sql instanceof SQLTransientConnectionException || sql instanceof SQLTimeoutException) {
          return Optional.of(sql.getClass().getSimpleName() + (state.isEmpty() ? "" : " (SQLState " + state + ")"));
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }

  /** True when {@code error} (or a cause) is {@code sqlState} raised by the named constraint. */
  public static boolean isViolation(Throwable error, String sqlState, String constraint) {
    return violatedConstraint(error, sqlState).filter(constraint::equals).isPresent();
  }

  /** The constraint that raised {@code sqlState}, when {@code error} (or a cause) is one. */
  public static Optional<String> violatedConstraint(Throwable error, String sqlState) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof PSQLException psql && sqlState.equals(psql.getSQLState())) {
        ServerErrorMessage server = psql.getServerErrorMessage();
        return Optional.ofNullable(server == null ? null : server.getConstraint());
      }
      if (t instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
