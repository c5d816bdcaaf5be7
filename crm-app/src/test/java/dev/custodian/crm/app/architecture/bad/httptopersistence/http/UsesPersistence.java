package dev.custodian.crm.app.architecture.bad.httptopersistence.http;

import dev.custodian.crm.app.architecture.bad.httptopersistence.persistence.Repository;

/** Bad: the HTTP adapter depends on the persistence adapter. */
public final class UsesPersistence {

  private final Repository repository = new Repository();

  public Repository repository() {
    return repository;
  }
}
