package dev.custodian.crm.app.bench;

/** Everything measured for one scenario at one connection count, summed over its interleaved slices. */
final class Measurement {

  private final Scenario scenario;
  private final int connections;
  private final Latencies latencies = new Latencies();
  private long errors;
  private long windowNanos;
  private long cpuNanos;
  private long statements;
  private long roundTrips;

  Measurement(Scenario scenario, int connections) {
    this.scenario = scenario;
    this.connections = connections;
  }

  void add(LoadGenerator.Slice slice) {
    latencies.addAll(slice.latencies());
    errors += slice.errors();
    windowNanos += slice.windowNanos();
    cpuNanos += slice.serverCpuNanos();
    statements += slice.statements();
    roundTrips += slice.roundTrips();
  }

  Scenario scenario() {
    return scenario;
  }

  int connections() {
    return connections;
  }

  long requests() {
    return latencies.count();
  }

  long errors() {
    return errors;
  }

  double requestsPerSecond() {
    return windowNanos == 0 ? 0 : requests() / (windowNanos / 1e9);
  }

  double p50Millis() {
    return latencies.percentileMillis(50);
  }

  double p99Millis() {
    return latencies.percentileMillis(99);
  }

  /** Statements per answered request, less what the server sends while idle over the same time. */
  double statementsPerRequest(IdleRate idle) {
    return perRequest(statements - background(idle.statementsPerSecond()));
  }

  /** Round trips (statements, commits, rollbacks) per answered request, less the idle ones. */
  double roundTripsPerRequest(IdleRate idle) {
    return perRequest(roundTrips - background(idle.roundTripsPerSecond()));
  }

  /** JVM CPU time per answered request, the load generator's own left out, in milliseconds. */
  double cpuMillisPerRequest() {
    return perRequest(cpuNanos) / 1e6;
  }

  /** The ceiling counts only its own requests; the server's counter also sees its background work. */
  private double background(double perSecond) {
    return scenario.kind().server() ? perSecond * windowNanos / 1e9 : 0;
  }

  private double perRequest(double total) {
    return requests() == 0 ? 0 : total / requests();
  }
}
