package dev.custodian.crm.app.architecture.bad.configallowed.app;

/** The composition root's configuration, which the wiring packages read. */
public record AppConfig(String value) {}
