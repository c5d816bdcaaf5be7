package dev.custodian.crm.app.architecture.bad.publicinternal.persistence.thing;

/** The feature's entry: public, as it should be. */
public final class JooqThingStores {}
