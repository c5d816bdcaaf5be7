package dev.custodian.crm.app.architecture.bad.adapterusesservice.core.thing.service;

/** A use-case service. */
public class ThingService {}
