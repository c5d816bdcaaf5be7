package dev.custodian.crm.http.access;

import dev.custodian.crm.core.access.port.in.AccessUseCases;
import dev.custodian.crm.http.RouteGroup;

/** HTTP adapter, the access feature's entry: members, invitations and API keys of a workspace. */
public final class AccessApi {

  private AccessApi() {}

  public static RouteGroup routes(AccessUseCases useCases) {
    return new AccessRoutes(useCases);
  }
}
