package dev.custodian.crm.app.bench;

import dev.custodian.crm.app.database.DatabaseConnection;
import dev.custodian.crm.persistence.common.StatementCounter;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code bench api}: starts a scratch server (embedded PostgreSQL in a temporary
 * {@code CRM_DATA_DIR}, deleted at the end), sets up one account, workspace and API key through
 * the HTTP API, seeds the contacts, and measures the server's requests against a bare JDBC
 * ceiling on the same database, interleaved, printing one table. The scratch server takes one
 * setting from the caller, {@code CRM_DATABASE_POOL_SIZE}, so a run measures the pool a server
 * would be given; the ceiling's pool is as large.
 */
public final class ApiBench {

  /** The command's synopsis, after {@code java -jar crm-app.jar}. */
  public static final String USAGE = "bench api [--contacts N] [--seconds S] [--connections 32,64]";

  /**
   * The server under test as the bench needs it. {@code Main} adapts the real server to it, so
   * this package does not depend on the composition root that calls it (no package cycle).
   */
  public interface Server extends AutoCloseable {

    int port();

    /** Most connections the server's pool holds: the ceiling gets as many. */
    int poolSize();

    DatabaseConnection database();

    StatementCounter statements();

    @Override
    void close();
  }

  /** The server's HTTP threads (CrmServer's setting): the ceiling gets as many. */
  private static final int HTTP_THREADS = 200;
  private static final int MAX_ROUNDS = 4;
  private static final Duration MAX_WARM_UP = Duration.ofSeconds(1);
  private static final Duration IDLE_WINDOW = Duration.ofSeconds(3);

  private final BenchOptions options;
  private final Server server;
  private final Path dataDir;
  private final PrintStream progress;

  private ApiBench(BenchOptions options, Server server, Path dataDir, PrintStream progress) {
    this.options = options;
    this.server = server;
    this.dataDir = dataDir;
    this.progress = progress;
  }

  /**
   * Runs {@code bench api [options]} and prints the table to {@code out}, progress to {@code err};
   * returns the exit code (0 done, 1 failed, 2 bad arguments or a bad pool size).
   *
   * @param args the arguments after {@code bench}
   * @param env the caller's environment: only {@code CRM_DATABASE_POOL_SIZE} is read from it
   * @param start starts the server on the given {@code CRM_*} environment
   */
  public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err,
      Function<Map<String, String>, Server> start) {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("crm-app bench: " + e.getMessage());
      err.println("usage: java -jar crm-app.jar " + USAGE);
      return 2;
    }
    return ScratchRun.run("bench", "crm-bench", ScratchRun.callersPoolSize(env), start,
        (server, dataDir) -> new ScratchRun.Outcome(new ApiBench(options, server, dataDir, err).measure(), 0), out, err);
  }

  private String measure() throws Exception {
    URI base = URI.create("http://127.0.0.1:" + server.port() + "/");
    // HTTP/1.1: a plain-text HTTP/2 upgrade attempt would be one more thing measured
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    progress.println("bench: signing up, verifying and signing in through the API");
    BenchAccount account = BenchAccount.create(http, base, dataDir.resolve("mail"));
    DatabaseConnection db = server.database();
    long seedStart = System.nanoTime();
    List<UUID> contacts = ContactSeeder.seed(db.jdbcUrl(), db.app(), account.workspace(), options.contacts());
    progress.printf("bench: seeded %d contacts in %.1f s%n", contacts.size(), (System.nanoTime() - seedStart) / 1e9);
    int deepPage = Math.min(ApiScenarios.DEEP_PAGE, options.contacts() / ApiScenarios.PAGE_SIZE);
    String deepCursor = cursorOfPage(new BenchAccount.Api(http, base), account, deepPage);

    RoundTripCounter serverCounter = new RoundTripCounter() {
      @Override
      public long statements() {
        return server.statements().statements();
      }

      @Override
      public long roundTrips() {
        return server.statements().roundTrips();
      }
    };
    try (CeilingServer ceiling = CeilingServer.start(db.jdbcUrl(), db.app(), account.workspace(),
        server.poolSize(), HTTP_THREADS)) {
      List<Scenario> scenarios = ApiScenarios.all(base, URI.create("http://127.0.0.1:" + ceiling.port() + "/"),
          account, contacts, deepPage, deepCursor, serverCounter, ceiling);
      return run(new LoadGenerator(http), scenarios, serverCounter);
    }
  }

  /**
   * Measures every scenario at each connection count in rounds: each round runs every scenario
   * for a slice (a short warm-up, then its share of the measured time), so drift over the run
   * (JIT, table growth from the writes, the machine's other work) hits every scenario alike.
   */
  private String run(LoadGenerator load, List<Scenario> scenarios, RoundTripCounter serverCounter)
      throws InterruptedException {
    long measuredMillis = options.measured().toMillis();
    int rounds = (int) Math.max(1, Math.min(MAX_ROUNDS, measuredMillis / 1_000));
    Duration slice = Duration.ofMillis(measuredMillis / rounds);
    Duration warmUp = slice.dividedBy(2).compareTo(MAX_WARM_UP) < 0 ? slice.dividedBy(2) : MAX_WARM_UP;

    progress.println("bench: warming up every scenario");
    for (Scenario scenario : scenarios) {
      load.run(scenario, options.connections().get(0), Duration.ZERO, warmUp);
    }
    IdleRate idle = IdleRate.measure(serverCounter, IDLE_WINDOW);

    List<Measurement> measurements = new ArrayList<>();
    for (int connections : options.connections()) {
      List<Measurement> row = new ArrayList<>();
      scenarios.forEach(s -> row.add(new Measurement(s, connections)));
      for (int round = 1; round <= rounds; round++) {
        progress.printf("bench: %d connections, round %d of %d%n", connections, round, rounds);
        for (Measurement m : row) {
          m.add(load.run(m.scenario(), connections, warmUp, slice));
        }
      }
      measurements.addAll(row);
    }
    return ResultTable.format(measurements, idle, options, rounds, options.contacts(), server.poolSize());
  }

  /** Walks the list from page 1 to the cursor that opens {@code page}, as a client paging would. */
  private static String cursorOfPage(BenchAccount.Api api, BenchAccount account, int page) throws Exception {
    String path = "/api/v1/workspaces/" + account.workspace() + "/contacts?limit=" + ApiScenarios.PAGE_SIZE;
    String cursor = null;
    for (int i = 1; i < page; i++) {
      String next = api.json(api.expect(200, api.get(cursor == null ? path
          : path + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8), account.apiKey())))
          .path("nextCursor").asText(null);
      if (next == null) {
        throw new IllegalStateException("the list ended at page " + i + ", before page " + page);
      }
      cursor = next;
    }
    return cursor;
  }
}
