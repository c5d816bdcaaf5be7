package dev.custodian.crm.app.e2e;

import static dev.custodian.crm.app.e2e.RawHttp.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.app.SuiteLanes;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Slow clients cannot starve the server: 300 connections trickling one byte every 5 s (half of
 * them still in their headers, half in a body) leave {@code /health} and a contact read answering
 * within a second, for 60 s ({@code -Dcrm.test.slowClients.seconds} shortens it).
 */
@Execution(ExecutionMode.CONCURRENT) // it mostly waits: it runs beside the others (SuiteLanes)
@ResourceLock(SuiteLanes.SHARED_OBSERVERS)
class SlowClientsTest {

  private static final int CONNECTIONS = 300;
  private static final long SECONDS = Long.getLong("crm.test.slowClients.seconds", 60);
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static TestApp app;
  private static String contactPath;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.on(db).signIn();
    String workspace = ApiTestSupport.workspace(app);
    HttpResponse<String> created = app.postJson("/api/v1/workspaces/" + workspace + "/contacts",
        "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@example.org\"}");
    contactPath = "/api/v1/workspaces/" + workspace + "/contacts/" + JSON.readTree(created.body()).path("id").asText();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void threeHundredTricklingConnectionsLeaveHealthAndReadsFast() throws Exception {
    List<Socket> slow = new ArrayList<>();
    ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    try {
      for (int i = 0; i < CONNECTIONS; i++) {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", app.port()), 5_000);
        String start = i % 2 == 0
            ? "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " // headers never end
            : "POST " + contactPath.substring(0, contactPath.lastIndexOf('/')) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"; // a body that never ends
        socket.getOutputStream().write(bytes(start));
        slow.add(socket);
      }
      trickle.scheduleAtFixedRate(() -> slow.forEach(SlowClientsTest::oneByte), 5, 5, TimeUnit.SECONDS);

      long worstHealth = 0;
      long worstRead = 0;
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
      while (System.nanoTime() < end) {
        worstHealth = Math.max(worstHealth, timed("/health"));
        worstRead = Math.max(worstRead, timed(contactPath));
        Thread.sleep(1_000); // one probe a second, as a monitor would
      }
      System.out.printf("slow clients: %d connections for %d s; slowest /health %d ms, slowest read %d ms%n",
          CONNECTIONS, SECONDS, worstHealth, worstRead);
      assertThat(worstHealth).as("slowest /health in ms").isLessThan(1_000);
      assertThat(worstRead).as("slowest contact read in ms").isLessThan(1_000);
    } finally {
      trickle.shutdownNow();
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  @Test
  void aDeclaredBodyOverTheLimitIsRefusedAtOnce() throws Exception {
    long started = System.nanoTime();
    RawHttp.Answer answer = RawHttp.send(app.port(), bytes("POST " + contactPath.substring(0, contactPath.lastIndexOf('/'))
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n{\"a\":"), false);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    System.out.printf("declared 2 MB body: %d after %d ms%n", answer.status(), millis);
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(millis).as("ms until the 413").isLessThan(1_000);
  }

  private static long timed(String path) throws Exception {
    long started = System.nanoTime();
    HttpResponse<String> response = app.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
  }

  private static void oneByte(Socket socket) {
    try {
      OutputStream out = socket.getOutputStream();
      out.write('x');
      out.flush();
    } catch (IOException closedByTheServer) {
      // the server gave up on it: that is the point
    }
  }
}
