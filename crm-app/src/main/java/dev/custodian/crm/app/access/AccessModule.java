package dev.custodian.crm.app.access;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.custodian.crm.core.access.port.in.AccessUseCases;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.access.AccessApi;
import dev.custodian.crm.privacy.Custodian;

/** Wiring: the access feature (members, invitations, API keys), its use cases from {@link Custodian} and its routes. */
public final class AccessModule extends AbstractModule {

  @Provides
  AccessUseCases useCases(Custodian custodian) {
    return custodian.access();
  }

  @ProvidesIntoSet
  RouteGroup routes(AccessUseCases useCases) {
    return AccessApi.routes(useCases);
  }
}
