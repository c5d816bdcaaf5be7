package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The orphan race over HTTP, on real PostgreSQL: a custom field deleted while a PATCH sets its
 * value on a contact. Round after round, two threads start together; whatever the interleaving,
 * no answer is a 500 (every other round the PATCH replaces a value the delete cascades to, which
 * once deadlocked), the PATCH is a 200 or the 400 of an unknown key, no value outlives its field,
 * and the PATCH's answer agrees with what is stored afterwards.
 */
class CustomValueRaceApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MERGE_PATCH = "application/merge-patch+json";
  private static final int ROUNDS = 40;

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.on(db).signIn();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private static long version(HttpResponse<String> response) {
    return Long.parseLong(response.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
  }

  private static long count(String sql) throws Exception {
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void assertNoServerErrorAndAProblemIfRefused(HttpResponse<String> response, String what) {
    assertThat(response.statusCode()).as(what + ": " + response.body()).isLessThan(500);
    if (response.statusCode() >= 400) {
      assertThat(response.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
    }
  }

  @Test
  void aDefinitionDeletedDuringAPatchSettingItsValue_leavesNoOrphan_noServerError_andAConsistentAnswer()
      throws Exception {
    String ws = ApiTestSupport.workspace(app);
    String contacts = "/api/v1/workspaces/" + ws + "/contacts";
    String fields = "/api/v1/workspaces/" + ws + "/custom-fields/contact";
    String contact = contacts + "/" + ApiTestSupport.ada(app, ws);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    int stored = 0;
    int refused = 0;
    try {
      for (int round = 0; round < ROUNDS; round++) {
        String key = "race_" + round;
        HttpResponse<String> defined = app.postJson(fields,
            "{\"key\":\"" + key + "\",\"type\":\"text\",\"label\":\"Race " + round + "\"}");
        assertThat(defined.statusCode()).as(defined.body()).isEqualTo(201);
        String field = fields + "/" + json(defined).path("id").asText();
        long before = version(app.get(contact));
        if (round % 2 == 1) { // every other round the PATCH replaces a value the delete cascades to
          HttpResponse<String> first = app.json("PATCH", contact, MERGE_PATCH,
              "{\"custom\":{\"" + key + "\":\"first\"}}", "If-Match", "\"" + before + "\"");
          assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
          before = version(first);
        }
        String ifMatch = "\"" + before + "\"";
        CountDownLatch go = new CountDownLatch(1);
        Future<HttpResponse<String>> patch = pool.submit(() -> {
          go.await();
          return app.json("PATCH", contact, MERGE_PATCH, "{\"custom\":{\"" + key + "\":\"second\"}}",
              "If-Match", ifMatch);
        });
        Future<HttpResponse<String>> delete = pool.submit(() -> {
          go.await();
          return app.delete(field, "If-Match", "\"1\"");
        });
        go.countDown();
        HttpResponse<String> patched = patch.get(30, TimeUnit.SECONDS);
        HttpResponse<String> deleted = delete.get(30, TimeUnit.SECONDS);

        assertNoServerErrorAndAProblemIfRefused(patched, "round " + round + " PATCH");
        assertNoServerErrorAndAProblemIfRefused(deleted, "round " + round + " DELETE");
        assertThat(deleted.statusCode()).as("round %d: the definition goes either way: %s", round, deleted.body())
            .isEqualTo(204);
        assertThat(patched.statusCode()).as("round %d: %s", round, patched.body()).isIn(200, 400);
        HttpResponse<String> after = app.get(contact);
        assertThat(json(after).path("custom").has(key)).as("round %d: the value went with its field", round).isFalse();
        if (patched.statusCode() == 200) {
          stored++;
          assertThat(json(patched).path("custom").path(key).asText()).as("round %d", round).isEqualTo("second");
          assertThat(version(patched)).as("round %d: a stored PATCH is the next version", round).isEqualTo(before + 1);
          assertThat(version(after)).as("round %d", round).isEqualTo(before + 1);
        } else {
          refused++;
          assertThat(json(patched).path("errors")).as("round %d: refused as the unknown key it now is", round)
              .singleElement().satisfies(e -> assertThat(e.path("pointer").asText()).isEqualTo("#/custom/" + key));
          assertThat(version(after)).as("round %d: a refused PATCH changed nothing", round).isEqualTo(before);
        }
        assertThat(count("select count(*) from custom_field_values v where not exists (select 1 from custom_fields f"
            + " where f.tenant_id = v.tenant_id and f.id = v.field_id)")).as("round %d: orphan values", round).isZero();
        assertThat(count("select count(*) from custom_field_values where field_id = '"
            + json(defined).path("id").asText() + "'")).as("round %d", round).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(stored + refused).isEqualTo(ROUNDS);
  }
}
