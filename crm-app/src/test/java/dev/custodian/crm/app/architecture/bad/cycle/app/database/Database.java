package dev.custodian.crm.app.architecture.bad.cycle.app.database;

import dev.custodian.crm.app.architecture.bad.cycle.app.keys.Keys;

/** Bad: {@code app.database} uses {@code app.keys}, which uses {@code app.database}. */
public final class Database {

  public Keys keys() {
    return new Keys();
  }
}
