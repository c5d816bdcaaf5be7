package dev.custodian.crm.http.consent;

import dev.custodian.crm.core.consent.port.in.MarketingUseCases;
import dev.custodian.crm.http.RouteGroup;

/** HTTP adapter, marketing mail's entry: its routes (queueing, the public one-click unsubscribe) over its use cases. */
public final class MarketingApi {

  private MarketingApi() {}

  public static RouteGroup routes(MarketingUseCases useCases) {
    return new MarketingRoutes(useCases);
  }
}
