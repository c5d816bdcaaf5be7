package dev.custodian.crm.http.session;

import dev.custodian.crm.core.session.port.in.SessionUseCases;
import dev.custodian.crm.http.RouteGroup;
import java.time.Clock;

/** HTTP adapter, the session feature's entry: sign-in and sign-out under {@code /api/v1/auth}, the password change under {@code /api/v1/me}. */
public final class SessionApi {

  private SessionApi() {}

  /** @param clock the clock a cookie's remaining lifetime is counted on */
  public static RouteGroup routes(SessionUseCases useCases, Clock clock) {
    return new SessionRoutes(useCases, clock);
  }
}
