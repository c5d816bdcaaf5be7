package dev.custodian.crm.app.audit;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.audit.AuditApi;
import dev.custodian.crm.privacy.Custodian;
import dev.custodian.crm.privacy.audit.port.in.AuditUseCases;

/** Wiring: the audit trail's use cases, from {@link Custodian}, and its routes. */
public final class AuditModule extends AbstractModule {

  @Provides
  AuditUseCases useCases(Custodian custodian) {
    return custodian.audit();
  }

  @ProvidesIntoSet
  RouteGroup routes(AuditUseCases useCases) {
    return AuditApi.routes(useCases);
  }
}
