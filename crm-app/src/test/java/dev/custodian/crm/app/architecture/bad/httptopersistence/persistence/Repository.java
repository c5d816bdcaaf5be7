package dev.custodian.crm.app.architecture.bad.httptopersistence.persistence;

/** A persistence adapter class. */
public final class Repository {}
