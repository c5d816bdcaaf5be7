package dev.custodian.crm.app.architecture.bad.privacytoadapter.privacy;

import dev.custodian.crm.app.architecture.bad.privacytoadapter.http.Api;

/** Bad: a privacy engine depends on an adapter. */
public final class UsesAdapter {

  public Api api() {
    return new Api();
  }
}
