package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.app.SuiteLanes;
import dev.custodian.crm.persistence.testing.LogCapture;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * HTTP end to end for custom values on contacts: each type written and read back in its JSON
 * form, merge patch ({@code null} clears a key), every bad field at once with the built-in ones,
 * isolation, and CRM-01 (a sensitive value reaches no log line and no search).
 */
@ResourceLock(SuiteLanes.SHARED_OBSERVERS) // it watches every log line and the shared database's statement log
class CustomValueApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MERGE_PATCH = "application/merge-patch+json";

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.on(db);
    try {
      app.signIn();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static String contacts(String workspace) {
    return "/api/v1/workspaces/" + workspace + "/contacts";
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private static void field(String workspace, String body) throws Exception {
    HttpResponse<String> created = app.postJson("/api/v1/workspaces/" + workspace + "/custom-fields/contact", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  private static List<String> pointers(HttpResponse<String> response) throws Exception {
    List<String> names = new ArrayList<>();
    json(response).path("errors").forEach(e -> names.add(e.path("pointer").asText()));
    return names;
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void everyTypeIsWrittenAndReadBackInItsJsonForm_andAMergePatchClearsAndChangesKeys() throws Exception {
    String ws = ApiTestSupport.workspace(app);
    for (String type : List.of("text", "number", "decimal", "date", "boolean", "email", "phone", "url", "currency")) {
      field(ws, "{\"key\":\"f_" + type + "\",\"type\":\"" + type + "\",\"label\":\"F " + type + "\"}");
    }
    field(ws, "{\"key\":\"tier\",\"type\":\"single_select\",\"label\":\"Tier\","
        + "\"options\":[{\"key\":\"gold\",\"label\":\"Gold\"},{\"key\":\"silver\",\"label\":\"Silver\"}]}");
    field(ws, "{\"key\":\"tags\",\"type\":\"multi_select\",\"label\":\"Tags\","
        + "\"options\":[{\"key\":\"vip\",\"label\":\"VIP\"},{\"key\":\"new\",\"label\":\"New\"}]}");
    String custom = "{\"f_text\":\"hello\",\"f_number\":42,\"f_decimal\":\"12.50\",\"f_date\":\"2026-01-31\","
        + "\"f_boolean\":true,\"f_email\":\"assistant@example.org\",\"f_phone\":\"+44 20 7946 0958\","
        + "\"f_url\":\"https://example.org/a\",\"f_currency\":{\"amount\":\"10.00\",\"currency\":\"EUR\"},"
        + "\"tier\":\"gold\",\"tags\":[\"vip\",\"new\"]}";

    HttpResponse<String> created = app.postJson(contacts(ws),
        "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@example.org\",\"custom\":" + custom + "}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode expected = JSON.readTree("{\"f_text\":\"hello\",\"f_number\":42,\"f_decimal\":\"12.5\","
        + "\"f_date\":\"2026-01-31\",\"f_boolean\":true,\"f_email\":\"assistant@example.org\","
        + "\"f_phone\":\"+442079460958\",\"f_url\":\"https://example.org/a\","
        + "\"f_currency\":{\"amount\":\"10.00\",\"currency\":\"EUR\"},\"tier\":\"gold\",\"tags\":[\"new\",\"vip\"]}"); // option keys in key order
    assertThat(json(created).path("custom")).isEqualTo(expected);
    String one = contacts(ws) + "/" + json(created).path("id").asText();
    HttpResponse<String> read = app.get(one);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(json(read)).isEqualTo(json(created));
    assertThat(json(app.get(contacts(ws))).path("items").get(0).path("custom")).isEqualTo(expected);

    HttpResponse<String> patched = app.json("PATCH", one, MERGE_PATCH,
        "{\"jobTitle\":\"Analyst\",\"custom\":{\"tier\":null,\"f_number\":-7}}", "If-Match", "\"1\"");
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    assertThat(patched.headers().firstValue("ETag")).hasValue("\"2\"");
    JsonNode after = json(patched).path("custom");
    assertThat(after.has("tier")).as("null clears the key").isFalse();
    assertThat(after.path("f_number").asLong()).isEqualTo(-7);
    assertThat(after.path("f_text").asText()).as("a key left out stays").isEqualTo("hello");
    assertThat(json(app.get(one))).isEqualTo(json(patched));

    HttpResponse<String> customOnly = app.json("PATCH", one, MERGE_PATCH, "{\"custom\":{\"f_text\":\"bye\"}}",
        "If-Match", "\"2\"");
    assertThat(customOnly.statusCode()).as(customOnly.body()).isEqualTo(200);
    assertThat(customOnly.headers().firstValue("ETag")).as("a changed value alone is a new version").hasValue("\"3\"");
  }

  @Test
  void badBuiltInAndCustomFieldsAreNamedTogether_andNothingIsStored() throws Exception {
    String ws = ApiTestSupport.workspace(app);
    field(ws, "{\"key\":\"tier\",\"type\":\"single_select\",\"label\":\"Tier\","
        + "\"options\":[{\"key\":\"gold\",\"label\":\"Gold\"}]}");
    field(ws, "{\"key\":\"score\",\"type\":\"number\",\"label\":\"Score\"}");

    HttpResponse<String> bad = app.postJson(contacts(ws), "{\"firstName\":\"\",\"lastName\":\"L\",\"email\":\"nope\","
        + "\"custom\":{\"tier\":\"platinum\",\"score\":\"many\",\"unknown\":1}}");
    ApiTestSupport.assertProblem(bad, 400, "/problems/validation");
    assertThat(pointers(bad)).containsExactlyInAnyOrder("#/firstName", "#/email", "#/custom/tier", "#/custom/score",
        "#/custom/unknown");
    assertThat(json(app.get(contacts(ws))).path("items")).isEmpty();

    String ada = ApiTestSupport.ada(app, ws);
    HttpResponse<String> badPatch = app.json("PATCH", contacts(ws) + "/" + ada, MERGE_PATCH,
        "{\"email\":\"nope\",\"custom\":{\"score\":1.5}}", "If-Match", "\"1\"");
    assertThat(badPatch.statusCode()).as(badPatch.body()).isEqualTo(400);
    assertThat(pointers(badPatch)).containsExactlyInAnyOrder("#/email", "#/custom/score");
    assertThat(app.get(contacts(ws) + "/" + ada).headers().firstValue("ETag")).hasValue("\"1\"");
  }

  @Test
  @DisplayName("TEN-01: another workspace's contact is a 404 through this workspace's path, custom values unchanged")
  void anotherWorkspacesContactIsNotFound() throws Exception {
    String a = ApiTestSupport.workspace(app);
    String b = ApiTestSupport.workspace(app);
    field(a, "{\"key\":\"nick\",\"type\":\"text\",\"label\":\"Nick\"}");
    field(b, "{\"key\":\"nick\",\"type\":\"text\",\"label\":\"Nick\"}");
    HttpResponse<String> created = app.postJson(contacts(a),
        "{\"firstName\":\"Ada\",\"lastName\":\"L\",\"email\":\"ada@example.org\",\"custom\":{\"nick\":\"A's\"}}");
    String id = json(created).path("id").asText();

    assertThat(app.json("PATCH", contacts(b) + "/" + id, MERGE_PATCH, "{\"custom\":{\"nick\":\"B's\"}}",
        "If-Match", "\"1\"").statusCode()).isEqualTo(404);
    assertThat(json(app.get(contacts(a) + "/" + id)).path("custom").path("nick").asText()).isEqualTo("A's");
    assertThat(json(app.get(contacts(b))).path("items")).isEmpty();
  }

  @Test
  @DisplayName("CRM-01: a sensitive custom value reaches no log line, the database server's included, and no search; its record's own read shows it")
  void aSensitiveValueReachesNoLogLineAndNoSearch() throws Exception {
    String ws = ApiTestSupport.workspace(app);
    String marker = "zq" + unique() + "marker";
    field(ws, "{\"key\":\"diagnosis_note\",\"type\":\"text\",\"label\":\"Note\",\"sensitive\":true}");
    List<String> lines;
    JsonNode read;
    HttpResponse<String> search;
    Path serverLog = db.server().serverLog().orElse(null);
    long serverLogBefore = serverLog == null ? 0 : Files.size(serverLog);
    logEveryStatement(true); // as a DBA might: the statements are logged, the values bound to them not
    try (LogCapture logs = new LogCapture()) {
      HttpResponse<String> created = app.postJson(contacts(ws), "{\"firstName\":\"Ada\",\"lastName\":\"L\","
          + "\"email\":\"ada@example.org\",\"custom\":{\"diagnosis_note\":\"" + marker + "\"}}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String one = contacts(ws) + "/" + json(created).path("id").asText();
      assertThat(app.json("PATCH", one, MERGE_PATCH, "{\"custom\":{\"diagnosis_note\":\"" + marker + "-2\"}}",
          "If-Match", "\"1\"").statusCode()).isEqualTo(200);
      HttpResponse<String> refused = app.json("PATCH", one, MERGE_PATCH,
          "{\"email\":\"nope\",\"custom\":{\"diagnosis_note\":\"" + marker + "\\u0000\"}}", "If-Match", "\"2\"");
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.body()).as("a refusal never quotes the value").doesNotContain(marker);
      read = json(app.get(one));
      search = app.get(contacts(ws) + "?q=" + marker);
      lines = logs.lines();
    } finally {
      logEveryStatement(false);
    }
    assertThat(read.path("custom").path("diagnosis_note").asText()).as("positive control").isEqualTo(marker + "-2");
    assertThat(search.statusCode()).isEqualTo(200);
    assertThat(json(search).path("items")).as("the search never matches a sensitive value").isEmpty();
    assertThat(lines).as("captured log lines").noneMatch(line -> line.contains(marker));
    if (serverLog != null) {
      byte[] all = Files.readAllBytes(serverLog);
      String written = new String(all, (int) serverLogBefore, all.length - (int) serverLogBefore, StandardCharsets.UTF_8);
      assertThat(written).as("positive control: the server logged the writes").contains("custom_field_values");
      // no statement text holds the value (each is bound; LogProbeTest shows the role logs no bound value)
      assertThat(written).as("the server's log").doesNotContain(marker);
    }
  }

  /** Turns the server's statement log on or off for every session (a superuser's setting, reloaded at once). */
  private static void logEveryStatement(boolean on) throws Exception {
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      st.execute(on ? "alter system set log_statement = 'all'" : "alter system reset log_statement");
      st.execute("select pg_reload_conf()");
    }
    Thread.sleep(200); // the reload reaches the sessions at their next statement; give the signal a moment
  }
}
