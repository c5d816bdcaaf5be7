package dev.custodian.crm.app.consent;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.custodian.crm.core.consent.port.in.ConsentUseCases;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.consent.ConsentApi;
import dev.custodian.crm.http.consent.MarketingApi;
import dev.custodian.crm.privacy.Custodian;
import java.time.Clock;

/** Wiring: the consent feature and marketing mail, their use cases from {@link Custodian} and their routes. */
public final class ConsentModule extends AbstractModule {

  @Provides
  ConsentUseCases useCases(Custodian custodian) {
    return custodian.consent();
  }

  @ProvidesIntoSet
  RouteGroup routes(ConsentUseCases useCases, Clock clock) {
    return ConsentApi.routes(useCases, clock);
  }

  @ProvidesIntoSet
  RouteGroup marketingRoutes(Custodian custodian) {
    return MarketingApi.routes(custodian.marketing());
  }
}
