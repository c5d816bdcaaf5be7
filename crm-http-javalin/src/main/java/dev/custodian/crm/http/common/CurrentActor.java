package dev.custodian.crm.http.common;

import dev.custodian.crm.core.access.Actor;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * HTTP adapter: who the request acts for, as the access filter found it before any route ran: a
 * signed-in account on the account's own routes, a credential for the use case to check
 * ({@code Actor.Presented}) on a workspace's. A route off the public list never runs without one.
 */
public final class CurrentActor {

  private static final String ATTRIBUTE = "custodian.actor";

  private CurrentActor() {}

  public static void set(Context ctx, Actor actor) {
    ctx.attribute(ATTRIBUTE, actor);
  }

  /** The request's actor, if the access filter set one. */
  public static Optional<Actor> find(Context ctx) {
    return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
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
