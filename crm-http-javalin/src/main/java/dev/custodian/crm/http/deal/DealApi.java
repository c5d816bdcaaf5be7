package dev.custodian.crm.http.deal;

import dev.custodian.crm.core.deal.port.in.DealUseCases;
import dev.custodian.crm.http.RouteGroup;

/** HTTP adapter, the deal feature's entry: its routes over its use cases. */
public final class DealApi {

  private DealApi() {}

  public static RouteGroup routes(DealUseCases useCases) {
    return new DealRoutes(useCases);
  }
}
