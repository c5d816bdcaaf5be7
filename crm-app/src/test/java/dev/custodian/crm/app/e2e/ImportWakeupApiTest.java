package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.app.AppConfig;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An upload wakes an idle worker of its instance: the job does not wait for the next look. */
class ImportWakeupApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> env = TestApp.environmentFor(db);
    env.put(AppConfig.IMPORT_POLL_INTERVAL, "PT1M"); // the longest: a worker only looks at its start and each minute
    app = TestApp.start(env).signIn();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void givenIdleWorkersThatLookOnceAMinute_whenAFileIsUploaded_thenItsJobRunsAtOnce() throws Exception {
    for (int upload = 1; upload <= 3; upload++) { // each upload wakes one again
      String workspace = ApiTestSupport.workspace(app);
      HttpResponse<String> started = app.post("/api/v1/workspaces/" + workspace + "/imports?object=contacts",
          "text/csv", "email,firstName,lastName\nada" + upload + "@example.org,Ada,Lovelace\n");
      assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
      String job = JSON.readTree(started.body()).path("id").asText();
      long deadline = System.nanoTime() + 20_000_000_000L; // well within the minute
      JsonNode state;
      do {
        Thread.sleep(50);
        state = JSON.readTree(app.get("/api/v1/workspaces/" + workspace + "/imports/" + job).body());
        assertThat(System.nanoTime()).as("the job ran before the workers' next look").isLessThan(deadline);
      } while (!state.path("state").asText().equals("completed"));
      assertThat(state.path("created").asLong()).isEqualTo(1);
    }
  }
}
