package dev.custodian.crm.http.erasure;

import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.privacy.erasure.port.in.ErasureUseCases;

/** HTTP adapter, the erasure feature's entry: its routes over its use cases. */
public final class ErasureApi {

  private ErasureApi() {}

  public static RouteGroup routes(ErasureUseCases useCases) {
    return new ErasureRoutes(useCases);
  }
}
