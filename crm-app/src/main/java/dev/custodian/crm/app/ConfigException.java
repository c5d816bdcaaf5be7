package dev.custodian.crm.app;

/** A bad configuration value; its message is one line naming the variable, never a secret. */
public final class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message, null, false, false);
  }
}
