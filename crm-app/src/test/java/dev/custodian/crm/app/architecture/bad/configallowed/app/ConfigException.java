package dev.custodian.crm.app.architecture.bad.configallowed.app;

/** The composition root's configuration failure, which the wiring packages may throw. */
public final class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message);
  }
}
