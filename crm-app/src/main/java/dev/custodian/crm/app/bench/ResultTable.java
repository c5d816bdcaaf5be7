package dev.custodian.crm.app.bench;

import dev.custodian.crm.app.bench.Scenario.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The one plain-text table {@code bench api} prints, with the few lines that say how to read it. */
final class ResultTable {

  private static final String ROW = "%-26s %5s %9s %8s %8s %9s %9s %9s %8s %9s %10s %6s%n";

  private ResultTable() {}

  static String format(List<Measurement> measurements, IdleRate idle, BenchOptions options, int rounds,
      int contacts, int poolSize) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "bench api: %d contacts, %d s measured per row (%d interleaved rounds),"
        + " pool of %d connections for the server and for the ceiling%n", contacts,
        options.measured().toSeconds(), rounds, poolSize));
    out.append(String.format(Locale.ROOT, ROW, "scenario", "conns", "req/s", "p50 ms", "p99 ms", "vs SELECT",
        "vs tx SEL", "vs INSERT", "stmt/req", "trips/req", "cpu ms/req", "errors"));
    for (Measurement m : measurements) {
      Kind kind = m.scenario().kind();
      out.append(String.format(Locale.ROOT, ROW, m.scenario().name(), m.connections(),
          fixed(m.requestsPerSecond(), 1), fixed(m.p50Millis(), 2), fixed(m.p99Millis(), 2),
          kind == Kind.SERVER_READ ? ratio(m, measurements, Kind.CEILING_SELECT) : "-",
          kind == Kind.SERVER_READ ? ratio(m, measurements, Kind.CEILING_TRANSACTION) : "-",
          kind == Kind.SERVER_WRITE ? ratio(m, measurements, Kind.CEILING_INSERT) : "-",
          fixed(m.statementsPerRequest(idle), 2), fixed(m.roundTripsPerRequest(idle), 2),
          fixed(m.cpuMillisPerRequest(), 3), m.errors()));
    }
    out.append(String.format(Locale.ROOT, "vs X: the row's req/s divided by the ceiling X's at the same connections"
        + " (a bare Javalin + HikariCP + JDBC route as crm_app on the same database).%n"));
    out.append(String.format(Locale.ROOT, "stmt/req, trips/req: the server's from its persistence adapter's"
        + " StatementCounter (trips add commits and rollbacks), less its idle rate of %.2f statements"
        + " and %.2f trips a second (the mail dispatcher); the ceiling's from its own count.%n",
        idle.statementsPerSecond(), idle.roundTripsPerSecond()));
    out.append(String.format(Locale.ROOT, "cpu ms/req: the JVM's process CPU time less the load generator's"
        + " threads, per request (the server's or the ceiling's share, GC and JIT included).%n"));
    deepPageRatios(measurements).ifPresent(out::append);
    return out.toString();
  }

  /** The deep page's throughput over page 1's at each connection count. */
  private static Optional<String> deepPageRatios(List<Measurement> measurements) {
    StringBuilder line = new StringBuilder();
    for (Measurement first : measurements) {
      if (first.scenario().name().startsWith("list page 1 ")) {
        for (Measurement deep : measurements) {
          if (deep.connections() == first.connections() && deep.scenario().name().startsWith("list page ")
              && deep != first && first.requestsPerSecond() > 0) {
            line.append(line.length() == 0 ? deep.scenario().name().replace(" (cookie)", "") + " / page 1 req/s:" : ",")
                .append(String.format(Locale.ROOT, " %.2f at %d", deep.requestsPerSecond() / first.requestsPerSecond(),
                    first.connections()));
          }
        }
      }
    }
    return line.length() == 0 ? Optional.empty() : Optional.of(line.append(String.format("%n")).toString());
  }

  private static String ratio(Measurement m, List<Measurement> all, Kind ceiling) {
    return all.stream()
        .filter(c -> c.scenario().kind() == ceiling && c.connections() == m.connections() && c.requestsPerSecond() > 0)
        .findFirst()
        .map(c -> fixed(m.requestsPerSecond() / c.requestsPerSecond(), 2))
        .orElse("-");
  }

  private static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
