package dev.custodian.crm.http.dsr;

import dev.custodian.crm.core.dsr.port.in.DataSubjectRequestUseCases;
import dev.custodian.crm.core.dsr.port.in.PublicRequestUseCase;
import dev.custodian.crm.http.RouteGroup;
import java.time.Clock;

/** HTTP adapter, the data-subject request feature's entry: its routes over its use cases. */
public final class PrivacyRequestApi {

  private PrivacyRequestApi() {}

  /** @param clock the time a request's days left and {@code receivedAt} are judged by */
  public static RouteGroup routes(DataSubjectRequestUseCases useCases, Clock clock) {
    return new PrivacyRequestRoutes(useCases, clock);
  }

  /**
   * The public intake's routes: a person's own request, proven by a mailed code.
   *
   * @param clock the time a request's input is judged by
   */
  public static RouteGroup publicRoutes(PublicRequestUseCase intake, Clock clock) {
    return new PublicPrivacyRequestRoutes(intake, clock);
  }
}
