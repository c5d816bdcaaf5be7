package dev.custodian.crm.app.architecture.bad.adapterusesservice.http;

import dev.custodian.crm.app.architecture.bad.adapterusesservice.core.thing.service.ThingService;

/** An HTTP handler calling a service instead of its in-port. */
public class UsesService {
  ThingService service;
}
