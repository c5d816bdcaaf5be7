package dev.custodian.crm.app.architecture.bad.javalinoutsidehttp.persistence;

import io.javalin.Javalin;

/** Bad: Javalin outside the HTTP adapter and crm-app. */
public final class UsesJavalin {

  public Javalin server() {
    return Javalin.create();
  }
}
