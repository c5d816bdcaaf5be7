package dev.custodian.crm.http.problem;

/**
 * A copy of an exception chain for the log without its messages: a message may quote a value
 * that was sent (PostgreSQL's "invalid input syntax ..." does), so only the classes and stack
 * traces are kept — enough to find the bug, nothing of the data.
 */
final class RedactedThrowable extends RuntimeException {

  private static final int MAX_DEPTH = 16;

  private RedactedThrowable(String description, RedactedThrowable cause) {
    super(description, cause, false, true);
  }

  static RedactedThrowable of(Throwable t) {
    return of(t, 0);
  }

  private static RedactedThrowable of(Throwable t, int depth) {
    Throwable cause = t.getCause();
    RedactedThrowable copy = new RedactedThrowable(t.getClass().getName(),
        cause == null || cause == t || depth >= MAX_DEPTH ? null : of(cause, depth + 1));
    copy.setStackTrace(t.getStackTrace());
    return copy;
  }
}
