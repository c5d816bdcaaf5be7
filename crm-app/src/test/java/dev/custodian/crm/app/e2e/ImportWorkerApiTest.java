package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.custodian.crm.app.AppConfig;
import dev.custodian.crm.core.imports.port.in.RunImportsUseCase;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.persistence.testing.TestDatabase;
import dev.custodian.crm.privacy.Custodian;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Imports run by workers the test drives (the server's own are off): a worker stopped midway and
 * another resuming after its lease, workers sharing the queue, overlapping imports, an erasure
 * between staging and running. 10 rows a batch, a lease of one second.
 */
class ImportWorkerApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static TestApp app;
  private static RunImportsUseCase runner;

  /** Hands the server's entry point to the test (its workers' runner, as the server's workers call it). */
  static final class Capture extends AbstractModule {
    @ProvidesIntoSet
    RouteGroup capture(Custodian custodian) {
      runner = custodian.importRunner();
      return table -> { };
    }
  }

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> env = TestApp.environmentFor(db);
    env.put(AppConfig.IMPORT_WORKERS_ENABLED, "false");
    env.put(AppConfig.IMPORT_BATCH_SIZE, "10");
    env.put(AppConfig.IMPORT_LEASE, "PT1S");
    app = TestApp.start(env, new Capture()).signIn();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  static String file(String prefix, int from, int to) {
    StringBuilder csv = new StringBuilder("email,firstName,lastName\n");
    for (int i = from; i <= to; i++) {
      csv.append(prefix).append(i).append("@example.org,Row,").append(i).append('\n');
    }
    return csv.toString();
  }

  static String queued(String workspace, String csv) throws Exception {
    HttpResponse<String> started = app.post("/api/v1/workspaces/" + workspace + "/imports?object=contacts",
        "text/csv", csv);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    JsonNode job = JSON.readTree(started.body());
    assertThat(job.path("state").asText()).isEqualTo("queued");
    return job.path("id").asText();
  }

  static JsonNode job(String workspace, String id) throws Exception {
    return JSON.readTree(app.get("/api/v1/workspaces/" + workspace + "/imports/" + id).body());
  }

  static long count(String workspace, String sql) throws Exception {
    return ImportApiTest.countAsApp(db, workspace, sql);
  }

  @Test
  @DisplayName("TEN-02: a worker stopped after 3 of 10 batches, another resumes once its lease ends: each row counted once, none half-written; staged rows are their workspace's only")
  void aStoppedWorkersJobIsResumedByAnother() throws Exception {
    String workspace = ApiTestSupport.workspace(app);
    String other = ApiTestSupport.workspace(app);
    String id = queued(workspace, file("resume", 1, 100));
    assertThat(count(workspace, "select count(*) from import_rows")).isEqualTo(100);
    assertThat(count(other, "select count(*) from import_rows")).as("raw SQL as crm_app, another workspace set").isZero();

    assertThat(runner.runNext("worker-a", 3)).isEqualTo(3); // then it "crashes": its lease stays until it ends
    JsonNode midway = job(workspace, id);
    assertThat(midway.path("state").asText()).isEqualTo("running");
    assertThat(midway.path("created").asLong()).isEqualTo(30);
    assertThat(count(workspace, "select count(*) from contacts")).isEqualTo(30);
    assertThat(count(workspace, "select count(*) from import_rows")).isEqualTo(70);
    assertThat(runner.runNext("worker-b", Integer.MAX_VALUE)).as("the lease still holds").isZero();

    Thread.sleep(1_200);
    assertThat(runner.runNext("worker-b", Integer.MAX_VALUE)).isEqualTo(7);
    JsonNode done = job(workspace, id);
    assertThat(done.path("state").asText()).isEqualTo("completed");
    assertThat(done.path("rowsRead").asLong()).isEqualTo(100);
    assertThat(done.path("created").asLong()).isEqualTo(100);
    assertThat(count(workspace, "select count(*) from contacts")).isEqualTo(100);
    assertThat(count(workspace, "select count(*) from import_rows")).isZero();
    assertThat(count(workspace, "select count(*) from import_queue")).isZero();
  }

  @Test
  @DisplayName("Two workers sharing the queue run two workspaces' jobs at once; two overlapping imports in one workspace run one after the other and no contact doubles")
  void workersShareTheQueueOneJobPerWorkspace() throws Exception {
    String first = ApiTestSupport.workspace(app);
    String second = ApiTestSupport.workspace(app);
    String a = queued(first, file("share", 1, 30));
    String b = queued(second, file("share", 1, 30));
    String overlapping = queued(first, file("share", 21, 50)); // waits for a: the workspace's older job
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> x = pool.submit(() -> runner.runNext("worker-x", Integer.MAX_VALUE));
      Future<Integer> y = pool.submit(() -> runner.runNext("worker-y", Integer.MAX_VALUE));
      assertThat(x.get(60, TimeUnit.SECONDS) + y.get(60, TimeUnit.SECONDS)).as("3 batches each").isEqualTo(6);
    } finally {
      pool.shutdownNow();
    }
    assertThat(job(first, a).path("created").asLong()).isEqualTo(30);
    assertThat(job(second, b).path("created").asLong()).isEqualTo(30);
    assertThat(job(first, overlapping).path("state").asText()).as("not run beside a").isEqualTo("queued");

    assertThat(runner.runNext("worker-x", Integer.MAX_VALUE)).isEqualTo(3);
    JsonNode after = job(first, overlapping);
    assertThat(after.path("created").asLong()).isEqualTo(20);
    assertThat(after.path("skipped").asLong()).isEqualTo(10);
    assertThat(count(first, "select count(*) from contacts")).isEqualTo(50);
    assertThat(count(first, "select count(*) from (select email_normalised from contacts group by 1 having count(*) > 1) d"))
        .isZero();
  }

  @Test
  @DisplayName("DSR-04: an erasure between staging and running deletes the person's staged rows (importRows) and leaves no contact with that email; the counts still sum to the rows read")
  void anErasureDeletesStagedRows() throws Exception {
    String workspace = ApiTestSupport.workspace(app);
    HttpResponse<String> erin = app.postJson("/api/v1/workspaces/" + workspace + "/contacts",
        "{\"firstName\":\"Erin\",\"lastName\":\"Erased\",\"email\":\"erin@example.org\"}");
    String id = queued(workspace, file("stage", 1, 15) + "Erin@Example.org,Erin,Again\n");
    HttpResponse<String> erased = app.postJson("/api/v1/workspaces/" + workspace + "/contacts/"
        + JSON.readTree(erin.body()).path("id").asText() + "/erasure", "");
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    assertThat(JSON.readTree(erased.body()).path("recordsRemoved").path("importRows").asInt()).isEqualTo(1);

    assertThat(runner.runNext("worker-e", Integer.MAX_VALUE)).isEqualTo(2);
    JsonNode done = job(workspace, id);
    assertThat(done.path("state").asText()).isEqualTo("completed");
    assertThat(done.path("created").asLong()).isEqualTo(15);
    assertThat(done.path("failed").asLong()).as("the erased row").isEqualTo(1);
    assertThat(count(workspace, "select count(*) from contacts where email_normalised = 'erin@example.org'")).isZero();
  }

  @Test
  @DisplayName("A queued import is cancelled: its staged rows go, no worker runs it, and a second cancel is a conflict")
  void aQueuedImportIsCancelled() throws Exception {
    String workspace = ApiTestSupport.workspace(app);
    String id = queued(workspace, file("cancel", 1, 25));
    HttpResponse<String> cancelled = app.delete("/api/v1/workspaces/" + workspace + "/imports/" + id);
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    assertThat(JSON.readTree(cancelled.body()).path("state").asText()).isEqualTo("cancelled");
    assertThat(count(workspace, "select count(*) from import_rows")).isZero();
    assertThat(runner.runNext("worker-c", Integer.MAX_VALUE)).isZero();
    assertThat(count(workspace, "select count(*) from contacts")).isZero();
    ApiTestSupport.assertProblem(app.delete("/api/v1/workspaces/" + workspace + "/imports/" + id), 409,
        "/problems/invalid-state");
    assertThat(List.of(job(workspace, id).path("state").asText())).containsExactly("cancelled");
  }

  @Test
  @DisplayName("RET-02: a job whose workspace was cancelled after it was queued is not run: it ends cancelled, its staged rows go, no contact is written; another workspace's job runs")
  void aCancelledWorkspacesJobIsCancelledNotRun() throws Exception {
    String workspace = ApiTestSupport.workspace(app);
    String other = ApiTestSupport.workspace(app);
    String id = queued(workspace, file("gone", 1, 25));
    String kept = queued(other, file("kept", 1, 5));
    HttpResponse<String> cancelled = app.postJson("/api/v1/workspaces/" + workspace + "/cancel", "");
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);

    while (runner.runNext("worker-w", Integer.MAX_VALUE) > 0) {
      // every queued job, until none is left
    }
    JsonNode job = job(workspace, id);
    assertThat(job.path("state").asText()).as("readable until its purge").isEqualTo("cancelled");
    assertThat(job.path("created").asLong()).isZero();
    assertThat(count(workspace, "select count(*) from contacts")).isZero();
    assertThat(count(workspace, "select count(*) from import_rows")).isZero();
    assertThat(count(workspace, "select count(*) from import_queue where workspace_id = '" + workspace + "'")).isZero();
    assertThat(job(other, kept).path("state").asText()).isEqualTo("completed");
    assertThat(count(other, "select count(*) from contacts")).isEqualTo(5);
  }

  @Test
  @DisplayName("DSR-04: erasures running beside update-mode batches that touch the same contact all succeed (one lock order: the suppression list's lock first), and leave no contact with the erased email")
  void erasuresBesideUpdateBatchesNeverDeadlock() throws Exception {
    String workspace = ApiTestSupport.workspace(app);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 1; round <= 8; round++) {
        String email = "race" + round + "@example.org";
        HttpResponse<String> made = app.postJson("/api/v1/workspaces/" + workspace + "/contacts",
            "{\"firstName\":\"Race\",\"lastName\":\"Before\",\"email\":\"" + email + "\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String contact = JSON.readTree(made.body()).path("id").asText();
        // the contact's row first and last in its batch of 10, between rows of other contacts
        String csv = "email,firstName,lastName\n" + email + ",Race,Updated\n"
            + file("race" + round + "-", 1, 8).substring("email,firstName,lastName\n".length())
            + email.toUpperCase(java.util.Locale.ROOT) + ",Race,Again\n";
        HttpResponse<String> started = app.post("/api/v1/workspaces/" + workspace
            + "/imports?object=contacts&onDuplicate=update", "text/csv", csv);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = JSON.readTree(started.body()).path("id").asText();

        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        Future<Integer> batches = pool.submit(() -> {
          go.await();
          return runner.runNext("worker-race", Integer.MAX_VALUE);
        });
        Future<HttpResponse<String>> erasure = pool.submit(() -> {
          go.await();
          return app.postJson("/api/v1/workspaces/" + workspace + "/contacts/" + contact + "/erasure", "");
        });
        go.countDown();
        HttpResponse<String> erased = erasure.get(60, TimeUnit.SECONDS);
        batches.get(60, TimeUnit.SECONDS);
        assertThat(erased.statusCode()).as("round " + round + ": " + erased.body()).isEqualTo(200);
        while (runner.runNext("worker-race", Integer.MAX_VALUE) > 0) {
          // a batch that lost a deadlock would be retried here; none should have
        }
        JsonNode done = job(workspace, id);
        assertThat(done.path("state").asText()).isEqualTo("completed");
        assertThat(done.path("rowsRead").asLong()).isEqualTo(10);
        assertThat(done.path("created").asLong() + done.path("updated").asLong() + done.path("skipped").asLong()
            + done.path("failed").asLong()).isEqualTo(10);
        assertThat(count(workspace, "select count(*) from contacts where email_normalised = '" + email + "'"))
            .as("round " + round).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
