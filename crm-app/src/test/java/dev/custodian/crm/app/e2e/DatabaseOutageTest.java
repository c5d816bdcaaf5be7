package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.app.AppConfig;
import dev.custodian.crm.app.SuiteLanes;
import dev.custodian.crm.http.problem.Problems;
import dev.custodian.crm.persistence.testing.LogCapture;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A database outage end to end: every PostgreSQL process of the test server is frozen with
 * SIGSTOP (it accepts TCP connections but answers nothing, the worst case for a client), requests
 * answer 503 {@code /problems/unavailable} within the configured timeout, and after SIGCONT the
 * same running server serves again with every acknowledged write kept.
 *
 * <p>The test JVM's PostgreSQL is shared by every test class, which run one after another: the
 * freeze lasts 20 s (the outage the hardening issue names), a separate watchdog process resumes it after
 * {@value #WATCHDOG_SECONDS} s even if this JVM dies, and a finally block resumes it at once.
 */
@ResourceLock(SuiteLanes.SHARED_OBSERVERS) // it watches every log line; it freezes the shared database
class DatabaseOutageTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  /** Headroom for a loaded build machine: a pool check may run on past the borrow timeout. */
  private static final Duration MARGIN = Duration.ofMillis(1500);
  private static final Duration RECOVERY_BOUND = Duration.ofSeconds(15);
  private static final int WATCHDOG_SECONDS = 45; // well after FROZEN_FOR, only if the JVM dies

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Test
  void givenPostgresFrozen_whenRequested_then503WithRetryAfterWithinTheTimeout_andAfterThawRecoversWithNoAcknowledgedWriteLost()
      throws Exception {
    Assumptions.assumeTrue(db.server().serverLog().isPresent(),
        "freezes only the embedded test server, never a server given in CRM_TEST_JDBC_URL");
    Map<String, String> env = TestApp.environmentFor(db);
    env.put(AppConfig.DATABASE_TIMEOUT, TIMEOUT.toString());
    env.put(AppConfig.DATABASE_STATEMENT_TIMEOUT, "PT0.9S");
    try (TestApp app = TestApp.start(env).signIn()) {
      String workspace = ApiTestSupport.workspace(app);
      String contacts = "/api/v1/workspaces/" + workspace + "/contacts";
      List<String> acknowledged = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        HttpResponse<String> created = app.postJson(contacts, contact());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        acknowledged.add(JSON.readTree(created.body()).path("id").asText());
      }
      long before = TestApp.count(db, "contacts");
      assertThat(before).isEqualTo(acknowledged.size());

      List<Long> answeredInMillis = new ArrayList<>();
      List<String> warnings;
      int failedRequests = 3;
      try (LogCapture logs = new LogCapture(); Frozen frozen = Frozen.postgres()) {
        long frozenAt = System.nanoTime();
        // The first request may get a just-used connection unchecked (it fails on the socket
        // timeout), the next ones a pooled connection whose check fails (the borrow timeout).
        answeredInMillis.add(assertUnavailableInTime(app, () -> app.get(contacts)));
        answeredInMillis.add(assertUnavailableInTime(app, () -> app.postJson(contacts, contact())));
        answeredInMillis.add(assertUnavailableInTime(app, () -> app.get("/api/v1/workspaces/" + workspace)));
        while (elapsedMillis(frozenAt) < FROZEN_FOR.toMillis()) { // the whole outage answers the same
          answeredInMillis.add(assertUnavailableInTime(app, () -> app.get(contacts)));
          failedRequests++;
        }
        long readyStarted = System.nanoTime();
        HttpResponse<String> ready = app.get("/ready");
        answeredInMillis.add(elapsedMillis(readyStarted));
        ApiTestSupport.assertProblem(ready, 503, "/problems/not-ready");
        assertThat(ready.headers().firstValue("Retry-After")).isPresent();
        warnings = logs.lines().stream()
            .filter(line -> line.startsWith(Problems.class.getName() + " Unavailable"))
            .toList();
        assertThat(logs.lines()).as("no statement, value or stack trace in any log line")
            .noneMatch(line -> line.contains("@example.test") || line.contains("Lovelace")
                || line.toLowerCase().contains("insert into") || line.contains("\tat "));
        assertThat(frozen.processes()).as("the postmaster and its backends").isGreaterThan(1);
        System.out.println("Outage: " + frozen.processes() + " processes frozen; answers in ms " + answeredInMillis
            + " (timeout " + TIMEOUT.toMillis() + " ms; the last is /ready)");
      }
      assertThat(warnings).as("one WARN line per failed request: failure and route template only")
          .hasSize(failedRequests)
          .allMatch(line -> line.matches(".* Unavailable: \\w+( \\(SQLState \\w+\\))? on \\w+ /api/v1/\\S+")
              && !line.contains(workspace));

      long thawed = System.nanoTime();
      HttpResponse<String> listed = app.get(contacts);
      while (listed.statusCode() != 200 && elapsedMillis(thawed) < RECOVERY_BOUND.toMillis()) {
        Thread.sleep(100);
        listed = app.get(contacts);
      }
      long recoveredInMillis = elapsedMillis(thawed);
      System.out.println("Outage: served again " + recoveredInMillis + " ms after the thaw");
      assertThat(listed.statusCode()).as("recovered without a restart").isEqualTo(200);
      HttpResponse<String> created = app.postJson(contacts, contact());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      acknowledged.add(JSON.readTree(created.body()).path("id").asText());

      assertThat(contactIds()).as("every acknowledged write is there").containsAll(acknowledged);
      assertThat(TestApp.count(db, "contacts")).isGreaterThanOrEqualTo(before + 1);
    }
  }

  /** A request that must fail fast while the database is frozen; returns how long it took. */
  private static long assertUnavailableInTime(TestApp app, Request request) throws Exception {
    long started = System.nanoTime();
    HttpResponse<String> response = request.send();
    long took = elapsedMillis(started);
    ApiTestSupport.assertProblem(response, 503, "/problems/unavailable");
    assertThat(response.headers().firstValue("Retry-After")).hasValue(String.valueOf(Problems.RETRY_AFTER_SECONDS));
    assertThat(took).as("answered within the timeout plus a margin")
        .isLessThanOrEqualTo(TIMEOUT.plus(MARGIN).toMillis());
    return took;
  }

  /** How long every PostgreSQL process stays stopped: the outage the hardening issue names. */
  private static final Duration FROZEN_FOR = Duration.ofSeconds(20);

  @FunctionalInterface
  private interface Request {
    HttpResponse<String> send() throws IOException, InterruptedException;
  }

  private static long elapsedMillis(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }

  private static String contact() {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    return "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada-" + unique
        + "@example.test\"}";
  }

  private static List<String> contactIds() throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection c = db.superuserConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select id from contacts")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  /**
   * The test server's postmaster and every backend stopped with SIGSTOP until closed. The
   * postmaster is found twice, as the parent of this session's backend and in the data
   * directory's {@code postmaster.pid}, so no other process is ever stopped.
   */
  private static final class Frozen implements AutoCloseable {

    private final List<Long> pids = new ArrayList<>();
    private final Process watchdog;

    private Frozen(long postmaster) throws Exception {
      // Stopped first, so it forks no new backend while the children are listed.
      pids.add(postmaster);
      watchdog = new ProcessBuilder("sh", "-c",
          "sleep " + WATCHDOG_SECONDS + "; kill -CONT " + postmaster + " $(cat /proc/" + postmaster
              + "/task/*/children 2>/dev/null)")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      try {
        signal("STOP", List.of(postmaster));
        List<Long> children = ProcessHandle.of(postmaster).orElseThrow().children()
            .map(ProcessHandle::pid).toList();
        pids.addAll(children);
        signal("STOP", children);
      } catch (Exception | Error e) {
        close();
        throw e;
      }
    }

    static Frozen postgres() throws Exception {
      Path dataDirectory;
      long parent;
      try (Connection c = db.superuserConnection();
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("select pg_backend_pid(), current_setting('data_directory')")) {
        rs.next();
        long backend = rs.getLong(1);
        dataDirectory = Path.of(rs.getString(2));
        // Looked up while the connection is open: its backend ends when it closes.
        parent = ProcessHandle.of(backend).flatMap(ProcessHandle::parent).map(ProcessHandle::pid)
            .orElseThrow(() -> new IllegalStateException("the backend has no visible parent"));
      }
      long fromFile = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
      if (parent != fromFile) {
        throw new IllegalStateException("the backend's parent is not the postmaster of the data directory");
      }
      return new Frozen(parent);
    }

    int processes() {
      return pids.size();
    }

    @Override
    public void close() throws IOException {
      try {
        signal("CONT", pids);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // kill -CONT was sent; only its exit code is unknown
      } finally {
        watchdog.descendants().forEach(ProcessHandle::destroy); // its sleep, so nothing lingers
        watchdog.destroy();
      }
    }

    private static void signal(String signal, List<Long> pids) throws IOException, InterruptedException {
      if (pids.isEmpty()) {
        return;
      }
      List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
      command.addAll(pids.stream().map(String::valueOf).collect(Collectors.toList()));
      Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(kill.getInputStream().readAllBytes());
      if (kill.waitFor() != 0) {
        // kill signals every pid it can; one that just exited (a backend ending) is no failure
        System.out.println("kill -" + signal + ": " + output.strip());
      }
    }
  }
}
