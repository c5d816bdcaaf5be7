package dev.custodian.crm.app.architecture.bad.configcycle.app.wiring;

import dev.custodian.crm.app.architecture.bad.configcycle.app.AppConfig;
import dev.custodian.crm.app.architecture.bad.configcycle.app.Server;
import dev.custodian.crm.app.architecture.bad.configcycle.app.StartupException;

/**
 * Reads the configuration and throws the start-up failure (allowed), and calls back into the
 * composition root's {@code Server} (a cycle the rule reports).
 */
public final class Wiring {

  private final AppConfig config;

  public Wiring(AppConfig config) {
    if (config.value() == null) {
      throw new StartupException("no value");
    }
    this.config = config;
  }

  public Wiring restart() {
    return Server.start(config);
  }
}
