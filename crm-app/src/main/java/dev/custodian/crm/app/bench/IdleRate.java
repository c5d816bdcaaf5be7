package dev.custodian.crm.app.bench;

import java.time.Duration;

/**
 * What the server sends to PostgreSQL with no request at all (its mail dispatcher polls the
 * outbox every second), per second, so it can be taken out of the per-request figures.
 */
record IdleRate(double statementsPerSecond, double roundTripsPerSecond) {

  static IdleRate measure(RoundTripCounter counter, Duration window) throws InterruptedException {
    long statements = counter.statements();
    long trips = counter.roundTrips();
    long from = System.nanoTime();
    Thread.sleep(window.toMillis());
    double seconds = (System.nanoTime() - from) / 1e9;
    return new IdleRate((counter.statements() - statements) / seconds, (counter.roundTrips() - trips) / seconds);
  }
}
