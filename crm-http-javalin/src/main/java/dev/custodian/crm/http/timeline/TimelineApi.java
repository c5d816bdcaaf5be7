package dev.custodian.crm.http.timeline;

import dev.custodian.crm.core.timeline.port.in.TimelineUseCase;
import dev.custodian.crm.http.RouteGroup;

/** HTTP adapter, the timelines' entry: the routes of contacts', companies' and deals' timelines. */
public final class TimelineApi {

  private TimelineApi() {}

  public static RouteGroup routes(TimelineUseCase useCase) {
    return new TimelineRoutes(useCase);
  }
}
