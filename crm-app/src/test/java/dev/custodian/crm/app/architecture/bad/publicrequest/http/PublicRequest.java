package dev.custodian.crm.app.architecture.bad.publicrequest.http;

/** Bad: an HTTP request record that is public (the adapter's records stay package-private). */
public record PublicRequest(String name) {}
