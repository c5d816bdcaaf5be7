package dev.custodian.crm.http.customfield;

import dev.custodian.crm.core.customfield.port.in.CustomFieldUseCases;
import dev.custodian.crm.http.RouteGroup;

/** HTTP adapter, the custom field feature's entry: its routes over its use cases. */
public final class CustomFieldApi {

  private CustomFieldApi() {}

  public static RouteGroup routes(CustomFieldUseCases useCases) {
    return new CustomFieldRoutes(useCases);
  }
}
