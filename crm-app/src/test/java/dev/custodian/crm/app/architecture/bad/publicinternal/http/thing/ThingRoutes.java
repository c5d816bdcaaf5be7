package dev.custodian.crm.app.architecture.bad.publicinternal.http.thing;

/** An adapter internal that should be package-private. */
public final class ThingRoutes {}
