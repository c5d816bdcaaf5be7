package dev.custodian.crm.app.architecture.bad.coretoadapter.persistence;

/** A persistence adapter class. */
public final class Repository {}
