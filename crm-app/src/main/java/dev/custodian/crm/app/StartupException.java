package dev.custodian.crm.app;

/**
 * The application cannot start or run a command (port taken, database unreachable, wrong
 * password, migration pending). Its message is the one line the operator sees; no stack trace.
 */
public final class StartupException extends RuntimeException {

  public StartupException(String message) {
    super(message, null, false, false);
  }
}
