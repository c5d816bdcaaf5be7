package dev.custodian.crm.app.architecture.bad.persistencetohttp.http;

/** An HTTP adapter class. */
public final class Api {}
