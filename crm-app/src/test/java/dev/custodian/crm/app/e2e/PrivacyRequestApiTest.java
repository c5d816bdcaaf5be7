package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HTTP end to end for data-subject requests: their steps and history, execution (once, only
 * verified), an erasure request leaving none of the subject's data, isolation between workspaces,
 * bad input, and their audit entries.
 */
class PrivacyRequestApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static TestApp app;
  private static String a;
  private static String b;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.on(db).signIn();
    a = ApiTestSupport.workspace(app);
    b = ApiTestSupport.workspace(app);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static String requests(String workspace) {
    return "/api/v1/workspaces/" + workspace + "/privacy-requests";
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private static String contact(String workspace, String email, String lastName) throws Exception {
    HttpResponse<String> created = app.postJson("/api/v1/workspaces/" + workspace + "/contacts",
        "{\"firstName\":\"Grace\",\"lastName\":\"" + lastName + "\",\"email\":\"" + email + "\",\"phone\":\"+15550100"
            + (int) (Math.random() * 900 + 100) + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).path("id").asText();
  }

  private static String request(String workspace, String body) throws Exception {
    HttpResponse<String> created = app.postJson(requests(workspace), body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).path("id").asText();
  }

  private static HttpResponse<String> step(String workspace, String id, String step, String body) throws Exception {
    return app.postJson(requests(workspace) + "/" + id + "/" + step, body);
  }

  private static List<String> auditActions(String workspace) throws Exception {
    List<String> actions = new ArrayList<>();
    for (JsonNode entry : json(app.get("/api/v1/workspaces/" + workspace + "/audit?limit=200")).path("items")) {
      actions.add(entry.path("action").asText());
    }
    return actions;
  }

  @Test
  @DisplayName("DSR-09, DSR-12, DSR-08: a request's steps over HTTP, due 30 days after receipt; execution only once verified, once; each step audited")
  void aRequestGoesThroughItsSteps() throws Exception {
    String email = "objector." + UUID.randomUUID() + "@example.org";
    String contact = contact(a, email, "Objector");
    HttpResponse<String> created = app.postJson(requests(a), "{\"type\":\"OBJECTION\",\"email\":\"" + email
        + "\",\"purposes\":[\"analytics\"],\"californiaRequest\":true}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode request = json(created);
    String id = request.path("id").asText();
    assertThat(created.headers().firstValue("Location")).hasValue(requests(a) + "/" + id);
    assertThat(request.path("state").asText()).isEqualTo("RECEIVED");
    assertThat(request.path("daysLeft").asLong()).isEqualTo(30);
    assertThat(request.path("overdue").asBoolean()).isFalse();
    assertThat(java.time.Duration.between(java.time.Instant.parse(request.path("receivedAt").asText()),
        java.time.Instant.parse(request.path("dueAt").asText()))).isEqualTo(java.time.Duration.ofDays(30));

    ApiTestSupport.assertProblem(step(a, id, "execute", ""), 409, "/problems/invalid-state");
    HttpResponse<String> verified = step(a, id, "verify", "{\"note\":\"Called back on the number we hold\"}");
    assertThat(json(verified).path("state").asText()).as(verified.body()).isEqualTo("IDENTITY_VERIFIED");
    assertThat(json(step(a, id, "start", "")).path("state").asText()).isEqualTo("IN_PROGRESS");
    HttpResponse<String> extended = step(a, id, "extend", "{\"reason\":\"Several systems to search\"}");
    assertThat(json(extended).path("daysLeft").asLong()).as(extended.body()).isEqualTo(45);
    ApiTestSupport.assertProblem(step(a, id, "extend", "{\"reason\":\"Again\"}"), 409, "/problems/invalid-state");
    HttpResponse<String> executed = step(a, id, "execute", "");
    assertThat(json(executed).path("state").asText()).as(executed.body()).isEqualTo("COMPLETED");
    ApiTestSupport.assertProblem(step(a, id, "execute", ""), 409, "/problems/invalid-state");
    ApiTestSupport.assertProblem(step(a, id, "cancel", ""), 409, "/problems/invalid-state");

    JsonNode read = json(app.get(requests(a) + "/" + id));
    List<String> kinds = new ArrayList<>();
    read.path("history").forEach(e -> kinds.add(e.path("kind").asText()));
    assertThat(kinds).containsExactly("RECEIVED", "VERIFIED", "STARTED", "EXTENDED", "COMPLETED");
    JsonNode events = json(app.get("/api/v1/workspaces/" + a + "/contacts/" + contact + "/consent/events"))
        .path("items");
    assertThat(events).hasSize(1);
    assertThat(events.get(0).path("kind").asText()).isEqualTo("OBJECTED");
    assertThat(events.get(0).path("requestId").asText()).isEqualTo("privacy-request:" + id);
    assertThat(auditActions(a)).contains("privacy_request_received", "privacy_request_verified",
        "privacy_request_started", "privacy_request_extended", "privacy_request_executed");
    assertThat(json(app.get(requests(a) + "?state=completed&type=objection&californiaRequest=true")).path("items"))
        .extracting(n -> n.path("id").asText()).contains(id);
    assertThat(json(app.get(requests(a) + "?overdue=true")).path("items")).isEmpty();
  }

  /** The body of the mail {@code subject} to {@code email} (its one link checked by {@link TestApp#awaitMail}). */
  private static String mailBody(String email, String subject) throws Exception {
    for (jakarta.mail.internet.MimeMessage message : TestApp.SMTP.getReceivedMessages()) {
      if (message.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString().equalsIgnoreCase(email)
          && message.getSubject().equals(subject)) {
        return com.icegreen.greenmail.util.GreenMailUtil.getBody(message);
      }
    }
    throw new AssertionError("no mail '" + subject + "' arrived");
  }

  @Test
  @DisplayName("DSR-10: an extension mails its reason and new due time; a rejection mails its reason; neither outbox row holds the address")
  void extensionAndRejectionAreMailed() throws Exception {
    String email = "mailed." + UUID.randomUUID() + "@example.org";
    String extended = request(a, "{\"type\":\"ACCESS\",\"email\":\"" + email + "\"}");
    HttpResponse<String> answer = step(a, extended, "extend", "{\"reason\":\"Records in three archives\"}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    TestApp.awaitMail(email, "Your privacy request needs more time");
    assertThat(mailBody(email, "Your privacy request needs more time")).contains("Records in three archives")
        .contains(json(answer).path("dueAt").asText());
    String rejected = request(a, "{\"type\":\"ERASURE\",\"email\":\"" + email + "\"}");
    assertThat(step(a, rejected, "reject", "{\"reason\":\"We hold a legal duty to keep these\"}").statusCode())
        .isEqualTo(200);
    TestApp.awaitMail(email, "Your privacy request was not carried out");
    assertThat(mailBody(email, "Your privacy request was not carried out"))
        .contains("We hold a legal duty to keep these");
  }

  @Test
  @DisplayName("DSR-12, DSR-07: of two concurrent executions of one verified RESTRICTION, one runs and one gets 409; the restricted contact's PATCH and DELETE are 409 /problems/restricted")
  void concurrentExecutionsRunOnce() throws Exception {
    String email = "restricted." + UUID.randomUUID() + "@example.org";
    String contact = contact(a, email, "Restricted");
    String id = request(a, "{\"type\":\"RESTRICTION\",\"email\":\"" + email + "\"}");
    step(a, id, "verify", "{}");
    CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> call(id));
    CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() -> call(id));
    List<Integer> statuses = List.of(first.get().statusCode(), second.get().statusCode());

    assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    // DSR-07: restricted, the contact is neither changed nor deleted
    String path = "/api/v1/workspaces/" + a + "/contacts/" + contact;
    String etag = app.get(path).headers().firstValue("ETag").orElseThrow();
    ApiTestSupport.assertProblem(app.send(java.net.http.HttpRequest.newBuilder(app.uri(path))
        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"lastName\":\"Changed\"}"))
        .header("Content-Type", "application/merge-patch+json").header("If-Match", etag)), 409, "/problems/restricted");
    ApiTestSupport.assertProblem(app.delete(path), 409, "/problems/restricted");
  }

  @Test
  @DisplayName("DSR-07: lifting a request's restriction mails the subject, queued with the lift; the contact is then processed and changed again")
  void liftingARestrictionMailsTheSubject() throws Exception {
    String email = "lifted." + UUID.randomUUID() + "@example.org";
    String contact = contact(a, email, "Lifted");
    String id = request(a, "{\"type\":\"RESTRICTION\",\"email\":\"" + email + "\"}");
    step(a, id, "verify", "{}");
    assertThat(step(a, id, "execute", "").statusCode()).isEqualTo(200);
    String path = "/api/v1/workspaces/" + a + "/contacts/" + contact;
    ApiTestSupport.assertProblem(app.delete(path), 409, "/problems/restricted");

    HttpResponse<String> lifted = app.delete(path + "/restriction");
    assertThat(lifted.statusCode()).as(lifted.body()).isIn(200, 204);
    List<String> link = TestApp.awaitMail(email, "The restriction of your data's processing ends");
    assertThat(link.get(0)).endsWith("/privacy");
    assertThat(mailBody(email, "The restriction of your data's processing ends")).contains("lifted");
    assertThat(app.delete(path).statusCode()).as("no longer restricted").isEqualTo(204);
  }

  private static HttpResponse<String> call(String id) {
    try {
      return step(a, id, "execute", "");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("DSR-04, DSR-15: after an executed ERASURE request the confirmation arrives, and once the outbox is drained a superuser scan of every table finds none of the subject's markers; the address is suppressed")
  void anErasureRequestLeavesNothingOfTheSubject() throws Exception {
    String marker = "zqx" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String email = marker + "@example.org";
    String contact = contact(a, email, marker);
    app.postJson("/api/v1/workspaces/" + a + "/activities", "{\"kind\":\"note\",\"subject\":\"" + marker
        + "\",\"occurredAt\":\"2026-01-31T12:00:00Z\",\"contactIds\":[\"" + contact + "\"]}");
    String earlier = request(a, "{\"type\":\"RECTIFICATION\",\"email\":\"" + email + "\",\"corrections\":"
        + "{\"lastName\":\"" + marker + "x\"}}");
    String id = request(a, "{\"type\":\"ERASURE\",\"email\":\"" + email + "\"}");
    step(a, id, "verify", "{\"note\":\"Signed letter from " + marker + "\"}");

    HttpResponse<String> executed = step(a, id, "execute", "");

    assertThat(executed.statusCode()).as(executed.body()).isEqualTo(200);
    assertThat(json(executed).has("email")).isFalse();
    ApiTestSupport.assertProblem(app.get("/api/v1/workspaces/" + a + "/contacts/" + contact), 404,
        "/problems/not-found");
    assertThat(json(app.get(requests(a) + "/" + earlier)).has("corrections")).isFalse();
    TestApp.awaitMail(email, "Your data was erased"); // DSR-15
    TestApp.awaitEmptyOutbox(db);
    assertThat(tablesHolding(marker)).isEmpty();
    ApiTestSupport.assertProblem(app.postJson("/api/v1/workspaces/" + a + "/contacts",
        "{\"firstName\":\"G\",\"lastName\":\"H\",\"email\":\"" + email + "\"}"), 409, "/problems/suppressed");
  }

  /** The tables (of the public schema) with a row whose text holds {@code marker}, read as the superuser. */
  private static List<String> tablesHolding(String marker) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      List<String> all = new ArrayList<>();
      try (ResultSet rs = st.executeQuery(
          "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")) {
        while (rs.next()) {
          all.add(rs.getString(1));
        }
      }
      for (String table : all) {
        try (ResultSet rs = st.executeQuery("select count(*) from \"" + table + "\" t where lower(t::text) like '%"
            + marker + "%'")) {
          rs.next();
          if (rs.getLong(1) > 0) {
            tables.add(table);
          }
        }
      }
    }
    return tables;
  }

  @Test
  @DisplayName("TEN-01, TEN-02: A's request through B's path is a 404 and changes nothing; B's list never shows it; raw SQL as crm_app sees only the bound workspace's requests and history")
  void anotherWorkspaceNeverReachesARequest() throws Exception {
    String id = request(a, "{\"type\":\"ACCESS\",\"email\":\"ten." + UUID.randomUUID() + "@example.org\"}");
    request(b, "{\"type\":\"ACCESS\",\"email\":\"ten.b." + UUID.randomUUID() + "@example.org\"}");
    String before = app.get(requests(a) + "/" + id).body();

    ApiTestSupport.assertProblem(app.get(requests(b) + "/" + id), 404, "/problems/not-found");
    for (String step : List.of("verify", "start", "execute", "cancel")) {
      ApiTestSupport.assertProblem(step(b, id, step, step.equals("verify") ? "{}" : ""), 404, "/problems/not-found");
    }
    ApiTestSupport.assertProblem(step(b, id, "reject", "{\"reason\":\"no\"}"), 404, "/problems/not-found");
    ApiTestSupport.assertProblem(step(b, id, "extend", "{\"reason\":\"no\"}"), 404, "/problems/not-found");
    assertThat(json(app.get(requests(b) + "?limit=100")).path("items")).extracting(n -> n.path("id").asText())
        .doesNotContain(id);
    assertThat(app.get(requests(a) + "/" + id).body()).isEqualTo(before);
    for (String table : List.of("dsr_requests", "dsr_events")) {
      assertThat(tenantsAsApp(UUID.fromString(a), table)).as(table).isNotEmpty().containsOnly(UUID.fromString(a));
      assertThat(tenantsAsApp(UUID.fromString(b), table)).as(table).isNotEmpty().containsOnly(UUID.fromString(b));
      assertThat(tenantsAsApp(null, table)).as(table).isEmpty();
    }
  }

  private static List<UUID> tenantsAsApp(UUID workspace, String table) throws SQLException {
    return db.asApp(workspace, (Connection c) -> {
      List<UUID> ids = new ArrayList<>();
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select tenant_id from " + table)) {
        while (rs.next()) {
          ids.add(rs.getObject(1, UUID.class));
        }
      }
      return ids;
    });
  }

  @Test
  @DisplayName("Bad input is a 400 naming each field at once, storing nothing: unknown type, malformed email, bad and unknown corrections, unknown purpose, empty reason, future receivedAt, unknown field")
  void badInputNamesEachField() throws Exception {
    long before = TestApp.count(db, "dsr_requests");
    HttpResponse<String> bad = app.postJson(requests(a), "{\"type\":\"FORGET_ME\",\"email\":\"not-an-email\","
        + "\"corrections\":{\"nickname\":\"x\"},\"receivedAt\":\"2999-01-01T00:00:00Z\"}");
    ApiTestSupport.assertProblem(bad, 400, "/problems/validation");
    assertThat(pointers(bad)).containsExactlyInAnyOrder("#/type", "#/email", "#/receivedAt", "#/corrections/nickname");
    HttpResponse<String> badCorrection = app.postJson(requests(a), "{\"type\":\"RECTIFICATION\",\"email\":"
        + "\"a@example.org\",\"corrections\":{\"email\":\"broken\",\"firstName\":\"\"}}");
    assertThat(pointers(badCorrection)).containsExactlyInAnyOrder("#/corrections/email", "#/corrections/firstName");
    HttpResponse<String> unknownPurpose = app.postJson(requests(a), "{\"type\":\"OBJECTION\",\"email\":"
        + "\"a@example.org\",\"purposes\":[\"analytics\",\"no-such-purpose\"]}");
    assertThat(pointers(unknownPurpose)).containsExactly("#/purposes/1");
    ApiTestSupport.assertProblem(app.postJson(requests(a), "{\"type\":\"ACCESS\",\"email\":\"a@example.org\","
        + "\"colour\":\"red\"}"), 400, "/problems/validation");
    assertThat(TestApp.count(db, "dsr_requests")).isEqualTo(before);
    String id = request(a, "{\"type\":\"ACCESS\",\"email\":\"reason." + UUID.randomUUID() + "@example.org\"}");
    HttpResponse<String> empty = step(a, id, "reject", "{\"reason\":\"  \"}");
    assertThat(pointers(empty)).containsExactly("#/reason");
    assertThat(json(app.get(requests(a) + "/" + id)).path("state").asText()).isEqualTo("RECEIVED");
  }

  private static List<String> pointers(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    List<String> pointers = new ArrayList<>();
    json(response).path("errors").forEach(e -> pointers.add(e.path("pointer").asText()));
    return pointers;
  }
}
