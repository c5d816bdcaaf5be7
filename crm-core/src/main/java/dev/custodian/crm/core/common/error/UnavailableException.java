package dev.custodian.crm.core.common.error;

import java.util.Objects;

/**
 * A resource the use case needs, such as the database, did not answer or refused for now (HTTP
 * 503): the use case did not complete, and trying again later may succeed.
 *
 * <p>The message is for the caller; {@link #failure()} names what failed for the operator's log
 * (an exception class and a SQLState), never a server message, a statement or a bound value.
 */
public final class UnavailableException extends CrmException {

  private final String failure;

  public UnavailableException(String message, String failure) {
    super(Kind.UNAVAILABLE, message);
    this.failure = Objects.requireNonNull(failure, "failure");
  }

  /** What failed, for a log line: e.g. {@code PSQLException (SQLState 08006)}. */
  public String failure() {
    return failure;
  }
}
