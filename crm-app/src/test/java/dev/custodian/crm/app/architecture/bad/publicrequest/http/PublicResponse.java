package dev.custodian.crm.app.architecture.bad.publicrequest.http;

/** Bad: an HTTP response record that is public. */
public record PublicResponse(String name) {}
