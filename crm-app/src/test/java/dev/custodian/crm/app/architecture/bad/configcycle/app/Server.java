package dev.custodian.crm.app.architecture.bad.configcycle.app;

import dev.custodian.crm.app.architecture.bad.configcycle.app.wiring.Wiring;

/** The composition root: starts the wiring with the configuration. */
public final class Server {

  public static Wiring start(AppConfig config) {
    return new Wiring(config);
  }
}
