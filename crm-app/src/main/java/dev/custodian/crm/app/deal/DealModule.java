package dev.custodian.crm.app.deal;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.custodian.crm.core.deal.port.in.DealUseCases;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.deal.DealApi;
import dev.custodian.crm.privacy.Custodian;

/** Wiring: the deal feature, its use cases from {@link Custodian} and its routes. */
public final class DealModule extends AbstractModule {

  @Provides
  DealUseCases useCases(Custodian custodian) {
    return custodian.deals();
  }

  @ProvidesIntoSet
  RouteGroup routes(DealUseCases useCases) {
    return DealApi.routes(useCases);
  }
}
