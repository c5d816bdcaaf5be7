package dev.custodian.crm.app.dsr;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.custodian.crm.core.dsr.port.in.DataSubjectRequestUseCases;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.dsr.PrivacyRequestApi;
import dev.custodian.crm.privacy.Custodian;
import java.time.Clock;

/** Wiring: data-subject requests, their use cases from {@link Custodian} and their routes. */
public final class PrivacyRequestModule extends AbstractModule {

  @Provides
  DataSubjectRequestUseCases useCases(Custodian custodian) {
    return custodian.privacyRequests();
  }

  @ProvidesIntoSet
  RouteGroup routes(DataSubjectRequestUseCases useCases, Clock clock) {
    return PrivacyRequestApi.routes(useCases, clock);
  }

  @ProvidesIntoSet
  RouteGroup publicRoutes(Custodian custodian, Clock clock) {
    return PrivacyRequestApi.publicRoutes(custodian.privacyRequestIntake(), clock);
  }
}
