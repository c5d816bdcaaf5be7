package dev.custodian.crm.app.session;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.custodian.crm.core.session.port.in.SessionUseCases;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.session.SessionApi;
import dev.custodian.crm.privacy.Custodian;
import java.time.Clock;

/** Wiring: the session feature, its use cases from {@link Custodian} and its routes. */
public final class SessionModule extends AbstractModule {

  @Provides
  SessionUseCases useCases(Custodian custodian) {
    return custodian.sessions();
  }

  @ProvidesIntoSet
  RouteGroup routes(SessionUseCases useCases, Clock clock) {
    return SessionApi.routes(useCases, clock);
  }
}
