package dev.custodian.crm.app.architecture.bad.publicinternal.persistence.thing;

/** An adapter internal that should be package-private. */
public final class JooqThingRepository {}
