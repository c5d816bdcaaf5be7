package dev.custodian.crm.app.architecture.bad.configcycle.app;

/** The composition root's configuration, which the wiring packages read. */
public record AppConfig(String value) {}
