package dev.custodian.crm.http.common;

import dev.custodian.crm.core.access.Actor;
import io.javalin.http.Context;

/**
 * HTTP adapter: who the request acts for, as the access filter resolved it from the session cookie
 * before any route ran. A route off the public list never runs without one.
 */
public final class CurrentActor {

  private static final String ATTRIBUTE = "custodian.actor";

  private CurrentActor() {}

  public static void set(Context ctx, Actor actor) {
    ctx.attribute(ATTRIBUTE, actor);
  }

  /**
   * The request's actor.
   *
   * @throws IllegalStateException on a route that is public, a programming error
   */
  public static Actor of(Context ctx) {
    Actor actor = ctx.attribute(ATTRIBUTE);
    if (actor == null) {
      throw new IllegalStateException("no actor: a public route cannot act for anyone");
    }
    return actor;
  }
}
