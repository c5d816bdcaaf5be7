package dev.custodian.crm.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL dies under the running server (SIGKILL of its postmaster): the server
 * starts it again, PostgreSQL recovers, and every write the server had acknowledged is still there.
 */
class EmbeddedPostgresCrashTest {

  private static final Duration RECOVERY_BOUND = Duration.ofSeconds(90);

  private final EmbeddedClient client = new EmbeddedClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void givenWritesInFlight_whenThePostmasterIsKilled_thenTheServerRestartsIt_andEveryAcknowledgedWriteIsKept()
      throws Exception {
    Path dataDir = Path.of("target", "embedded-crash-" + UUID.randomUUID().toString().substring(0, 8))
        .toAbsolutePath();
    Map<String, String> env = Map.of(AppConfig.DATA_DIR, dataDir.toString(), AppConfig.HTTP_PORT, "0");
    Path pidFile = dataDir.resolve("postgres/data/postmaster.pid");

    try (CrmServer server = CrmServer.start(AppConfig.fromEnvironment(env))) {
      client.signUpVerifyAndSignIn(server, dataDir, "ada@example.org", "a long enough passphrase for this");
      List<String> acknowledged = new CopyOnWriteArrayList<>();
      AtomicInteger failed = new AtomicInteger();
      AtomicBoolean writing = new AtomicBoolean(true);
      Thread writer = new Thread(() -> {
        int n = 0;
        while (writing.get()) {
          try {
            HttpResponse<String> response = client.call(server, "POST", "/api/v1/workspaces",
                "{\"name\":\"Crash " + (n++) + "\"}");
            if (response.statusCode() == 201) {
              acknowledged.add(json.readTree(response.body()).path("id").asText());
            } else {
              failed.incrementAndGet();
            }
          } catch (IOException e) {
            failed.incrementAndGet();
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "crash-test-writer");
      writer.start();
      try {
        await("20 writes acknowledged before the kill", () -> acknowledged.size() >= 20);

        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        int beforeKill = acknowledged.size();
        assertThat(postmaster.destroyForcibly()).as("SIGKILL sent").isTrue();
        await("the postmaster is gone", () -> !postmaster.isAlive());

        await("the server acknowledges writes again", () -> acknowledged.size() >= beforeKill + 10
            && newPostmaster(pidFile, pid));
      } finally {
        writing.set(false);
        writer.join(Duration.ofSeconds(60).toMillis());
      }

      int count = acknowledged.size();
      int found = 0;
      for (String id : acknowledged) {
        if (client.call(server, "GET", "/api/v1/workspaces/" + id, null).statusCode() == 200) {
          found++;
        }
      }
      assertThat(found).as("acknowledged writes still there after the crash (%d failed or unanswered"
          + " during it)", failed.get()).isEqualTo(count);
      assertThat(client.call(server, "GET", "/health", null).statusCode()).isEqualTo(200);
      assertThat(client.call(server, "GET", "/ready", null).statusCode()).isEqualTo(200);
    }
    assertThat(pidFile).as("the restarted PostgreSQL is stopped with the server").doesNotExist();
    try (Stream<Path> paths = Files.walk(dataDir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static boolean newPostmaster(Path pidFile, long oldPid) {
    try {
      long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
      return pid != oldPid && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (IOException | RuntimeException e) {
      return false; // being rewritten
    }
  }

  /** Polls {@code condition} every 100 ms until it holds, failing after {@link #RECOVERY_BOUND}. */
  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + RECOVERY_BOUND.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for: %s", what).isLessThan(deadline);
      Thread.sleep(100);
    }
  }
}
