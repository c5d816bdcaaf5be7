package dev.custodian.crm.http.activity;

import dev.custodian.crm.core.activity.port.in.ActivityUseCases;
import dev.custodian.crm.http.RouteGroup;

/** HTTP adapter, the activity feature's entry: its routes over its use cases. */
public final class ActivityApi {

  private ActivityApi() {}

  public static RouteGroup routes(ActivityUseCases useCases) {
    return new ActivityRoutes(useCases);
  }
}
