package dev.custodian.crm.app.architecture.bad.configcycle.app;

/** The composition root's start-up failure, which the wiring packages throw. */
public final class StartupException extends RuntimeException {

  public StartupException(String message) {
    super(message);
  }
}
