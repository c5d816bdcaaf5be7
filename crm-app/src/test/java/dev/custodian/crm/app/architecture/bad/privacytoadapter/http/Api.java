package dev.custodian.crm.app.architecture.bad.privacytoadapter.http;

/** An HTTP adapter class. */
public final class Api {}
