package dev.custodian.crm.app.architecture.bad.guiceoutsideapp.core;

import com.google.inject.Inject;

/** Bad: a Guice annotation outside crm-app. */
public final class Injected {

  @Inject
  public Injected() {}
}
