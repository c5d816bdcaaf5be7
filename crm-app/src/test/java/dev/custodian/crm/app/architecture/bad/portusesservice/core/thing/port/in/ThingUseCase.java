package dev.custodian.crm.app.architecture.bad.portusesservice.core.thing.port.in;

import dev.custodian.crm.app.architecture.bad.portusesservice.core.thing.service.ThingHelper;

/** An in-port that leans on its service. */
public interface ThingUseCase {
  ThingHelper helper();
}
