package dev.custodian.crm.app.architecture.bad.coretoadapter.core;

import dev.custodian.crm.app.architecture.bad.coretoadapter.persistence.Repository;

/** Bad: the core depends on an adapter instead of declaring a port. */
public final class UsesAdapter {

  public Repository repository() {
    return new Repository();
  }
}
