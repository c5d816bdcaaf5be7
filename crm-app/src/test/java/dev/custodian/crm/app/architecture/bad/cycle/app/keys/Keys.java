package dev.custodian.crm.app.architecture.bad.cycle.app.keys;

import dev.custodian.crm.app.architecture.bad.cycle.app.database.Database;

/** Bad: {@code app.keys} uses {@code app.database}, which uses {@code app.keys}. */
public final class Keys {

  public Database database() {
    return new Database();
  }
}
