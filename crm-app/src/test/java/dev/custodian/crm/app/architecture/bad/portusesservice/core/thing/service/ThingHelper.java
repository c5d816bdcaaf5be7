package dev.custodian.crm.app.architecture.bad.portusesservice.core.thing.service;

/** A service-side class. */
public class ThingHelper {}
