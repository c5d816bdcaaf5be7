package dev.custodian.crm.http.consent;

import dev.custodian.crm.core.consent.port.in.ConsentUseCases;
import dev.custodian.crm.http.RouteGroup;
import java.time.Clock;

/** HTTP adapter, the consent feature's entry: its routes over its use cases. */
public final class ConsentApi {

  private ConsentApi() {}

  /** @param clock the time a recording's {@code occurredAt} may not be after */
  public static RouteGroup routes(ConsentUseCases useCases, Clock clock) {
    return new ConsentRoutes(useCases, clock);
  }
}
