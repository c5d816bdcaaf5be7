package dev.custodian.crm.http;

/**
 * HTTP adapter: one feature's routes. Each feature package has one public factory that returns
 * its group ({@code ContactApi.routes(useCases)}); {@link HttpApi#create} serves every group it is
 * given, so a new feature adds a group instead of editing the API.
 */
@FunctionalInterface
public interface RouteGroup {

  /** Declares the group's routes in the table, each with its access (handlers only; errors are the problem table's). */
  void addTo(RouteTable table);
}
