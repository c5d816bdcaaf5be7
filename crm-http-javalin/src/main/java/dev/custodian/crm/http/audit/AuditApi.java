package dev.custodian.crm.http.audit;

import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.privacy.audit.port.in.AuditUseCases;

/** HTTP adapter, the audit trail's entry: its routes over its use cases. */
public final class AuditApi {

  private AuditApi() {}

  public static RouteGroup routes(AuditUseCases useCases) {
    return new AuditRoutes(useCases);
  }
}
