package dev.custodian.crm.http.datamap;

import dev.custodian.crm.core.datamap.DataMap;
import dev.custodian.crm.http.RouteGroup;

/** HTTP adapter, the data map's entry: its route over the map's declarations. */
public final class DataMapApi {

  private DataMapApi() {}

  public static RouteGroup routes(DataMap map) {
    return new DataMapRoutes(map);
  }
}
