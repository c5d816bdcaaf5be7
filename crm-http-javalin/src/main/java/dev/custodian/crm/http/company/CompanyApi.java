package dev.custodian.crm.http.company;

import dev.custodian.crm.core.company.port.in.CompanyUseCases;
import dev.custodian.crm.http.RouteGroup;

/** HTTP adapter, the company feature's entry: its routes over its use cases. */
public final class CompanyApi {

  private CompanyApi() {}

  public static RouteGroup routes(CompanyUseCases useCases) {
    return new CompanyRoutes(useCases);
  }
}
