package dev.custodian.crm.app.architecture.bad.persistencetohttp.persistence;

import dev.custodian.crm.app.architecture.bad.persistencetohttp.http.Api;

/** Bad: the persistence adapter depends on the HTTP adapter. */
public final class UsesHttp {

  public Api api() {
    return new Api();
  }
}
