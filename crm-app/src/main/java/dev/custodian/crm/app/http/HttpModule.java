package dev.custodian.crm.app.http;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.custodian.crm.core.session.port.in.SessionUseCases;
import dev.custodian.crm.http.HttpApi;
import dev.custodian.crm.http.RouteGroup;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.Set;

/**
 * Wiring: the HTTP API, unstarted, serving every {@link RouteGroup} that a feature module binds
 * into the set with {@code @ProvidesIntoSet}.
 */
public final class HttpModule extends AbstractModule {

  private final HttpApi.Settings settings;

  public HttpModule(HttpApi.Settings settings) {
    this.settings = settings;
  }

  @Override
  protected void configure() {
    Multibinder.newSetBinder(binder(), RouteGroup.class);
  }

  @Provides
  @Singleton
  Javalin http(Set<RouteGroup> routeGroups, SessionUseCases sessions, HttpApi.Readiness readiness, Clock clock) {
    return HttpApi.create(routeGroups, new HttpApi.Credentials(sessions.authenticate()), readiness, settings, clock);
  }
}
