package dev.custodian.crm.app.architecture.bad.configallowed.app.wiring;

import dev.custodian.crm.app.architecture.bad.configallowed.app.AppConfig;
import dev.custodian.crm.app.architecture.bad.configallowed.app.ConfigException;
import dev.custodian.crm.app.architecture.bad.configallowed.app.StartupException;

/** Not bad: reads the root's configuration and throws its failures, and nothing else of it. */
public final class Wiring {

  public Wiring(AppConfig config) {
    if (config.value() == null) {
      throw new StartupException("no value");
    }
    if (config.value().isBlank()) {
      throw new ConfigException("blank value");
    }
  }
}
