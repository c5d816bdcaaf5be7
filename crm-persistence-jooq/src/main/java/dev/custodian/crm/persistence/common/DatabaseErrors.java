package dev.custodian.crm.persistence.common;

import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Recognises database errors by SQLState and constraint name, never by message text (messages are
 * localised, change between versions, and may quote the offending value).
 */
public final class DatabaseErrors {

  public static final String UNIQUE_VIOLATION = "23505";
  public static final String FOREIGN_KEY_VIOLATION = "23503";

  private DatabaseErrors() {}

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
