package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.app.AccountConfig;
import dev.custodian.crm.app.SuiteLanes;
import dev.custodian.crm.persistence.testing.TestDatabase;
import dev.custodian.crm.privacy.audit.ChainedAuditLog;
import dev.custodian.crm.privacy.crypto.MasterKey;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The audit trail over HTTP, on a real socket: who each audited action names, sign-in events with
 * the client's IP and user agent listed to their own account only, the workspace walls, and no
 * personal value in clear in any audit table (SEC-09, RET-08, TEN-01).
 */
@ResourceLock(SuiteLanes.SHARED_OBSERVERS) // it watches the temporary directory's spool files
class AuditApiTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UNIQUE = UUID.randomUUID().toString().substring(0, 8);
  private static final String CONTACT_FIRST = "Audrey" + UNIQUE;
  private static final String CONTACT_LAST = "Trailworth" + UNIQUE;
  private static final String CONTACT_EMAIL = "audrey." + UNIQUE + "@example.org";
  private static final String CONTACT_PHONE = "+4420794" + (10000 + Math.abs(UNIQUE.hashCode() % 89999));
  private static final String AGENT = "AuditBrowser/" + UNIQUE;

  private static TestApp app;
  private static TestApp.Client owner;
  private static String ownerId;
  private static String workspace;
  private static String keyId;
  /** The workspace chain's newest sequence once {@link #start} made its entries. */
  private static long setUpUpTo;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> env = TestApp.environmentFor(db);
    env.put(AccountConfig.THROTTLE_LIMIT, "1000"); // many sign-ups and attempts from one address; SEC-07 is ThrottleApiTest's
    app = TestApp.start(env).signIn();
    owner = app.client();
    ownerId = JSON.readTree(app.get("/api/v1/me").body()).path("id").asText();
    workspace = ApiTestSupport.workspace(app);
    String base = "/api/v1/workspaces/" + workspace;
    // a contact deleted, another erased
    String deleted = created(app.postJson(base + "/contacts", "{\"firstName\":\"" + CONTACT_FIRST + "\",\"lastName\":\""
        + CONTACT_LAST + "\",\"email\":\"del." + CONTACT_EMAIL + "\",\"phone\":\"" + CONTACT_PHONE + "\"}"));
    assertThat(app.delete(base + "/contacts/" + deleted).statusCode()).isEqualTo(204);
    String erased = created(app.postJson(base + "/contacts", "{\"firstName\":\"" + CONTACT_FIRST + "\",\"lastName\":\""
        + CONTACT_LAST + "\",\"email\":\"" + CONTACT_EMAIL + "\"}"));
    assertThat(app.postJson(base + "/contacts/" + erased + "/erasure", "").statusCode()).isEqualTo(200);
    // a deal deleted
    String deal = created(app.postJson(base + "/deals", "{\"title\":\"Audited deal\"}"));
    assertThat(app.delete(base + "/deals/" + deal).statusCode()).isEqualTo(204);
    // an invitation made and revoked
    String invitation = created(app.postJson(base + "/invitations",
        "{\"email\":\"invited." + UNIQUE + "@example.org\",\"role\":\"viewer\"}"));
    assertThat(app.delete(base + "/invitations/" + invitation).statusCode()).isEqualTo(204);
    // an API key made, used to delete a company, then revoked
    HttpResponse<String> key = app.postJson(base + "/api-keys", "{\"name\":\"auditor\",\"role\":\"admin\"}");
    assertThat(key.statusCode()).isEqualTo(201);
    keyId = JSON.readTree(key.body()).path("id").asText();
    String company = ApiTestSupport.acme(app, workspace);
    HttpResponse<String> byKey = app.client().sendAsIs(HttpRequest.newBuilder(app.uri(base + "/companies/" + company))
        .DELETE().header("Authorization", "Bearer " + JSON.readTree(key.body()).path("key").asText()));
    assertThat(byKey.statusCode()).isEqualTo(204);
    assertThat(app.delete(base + "/api-keys/" + keyId).statusCode()).isEqualTo(204);
    setUpUpTo = JSON.readTree(app.get(base + "/audit?limit=1").body()).path("items").get(0).path("sequence").asLong();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static String created(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body()).path("id").asText();
  }

  private static List<JsonNode> items(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    JSON.readTree(response.body()).path("items").forEach(items::add);
    return items;
  }

  @Test
  @DisplayName("SEC-09: each audited action leaves its entry naming the signed-in account, or the API key and its creator")
  void everyActionNamesItsActor() throws Exception {
    List<JsonNode> entries = items(app.get("/api/v1/workspaces/" + workspace + "/audit?limit=200")).stream()
        .filter(e -> e.path("sequence").asLong() <= setUpUpTo).toList();
    assertThat(entries).extracting(e -> e.path("action").asText()).contains("contact_deleted", "contact_erased",
        "deal_deleted", "invitation_created", "invitation_revoked", "api_key_created", "company_deleted",
        "api_key_revoked");
    assertThat(entries).extracting(e -> e.path("actorKind").asText()).doesNotContain("anonymous", "system");
    assertThat(entries).allSatisfy(e -> assertThat(e.path("actorAccountId").asText()).isEqualTo(ownerId));
    JsonNode byKey = entries.stream().filter(e -> e.path("action").asText().equals("company_deleted")).findFirst()
        .orElseThrow();
    assertThat(byKey.path("actorKind").asText()).isEqualTo("api_key");
    assertThat(byKey.path("actorApiKeyId").asText()).isEqualTo(keyId);
    JsonNode erasure = entries.stream().filter(e -> e.path("action").asText().equals("contact_erased")).findFirst()
        .orElseThrow();
    assertThat(erasure.path("details").path("receipt_id").asText()).isNotEmpty();
    assertThat(erasure.path("details").path("count.contacts").asText()).isEqualTo("1");
    // newest first by sequence
    assertThat(entries).extracting(e -> e.path("sequence").asLong()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
  }

  @Test
  @DisplayName("SEC-09: the list pages newest first with its own cursor and filters by action and target")
  void theListPagesAndFilters() throws Exception {
    String base = "/api/v1/workspaces/" + workspace + "/audit";
    JsonNode first = JSON.readTree(app.get(base + "?limit=2").body());
    assertThat(first.path("items")).hasSize(2);
    String cursor = first.path("nextCursor").asText();
    JsonNode second = JSON.readTree(app.get(base + "?limit=2&cursor=" + cursor).body());
    assertThat(second.path("items").get(0).path("sequence").asLong())
        .isLessThan(first.path("items").get(1).path("sequence").asLong());
    assertThat(items(app.get(base + "?action=deal_deleted"))).singleElement()
        .satisfies(e -> assertThat(e.path("targetType").asText()).isEqualTo("deal"));
    HttpResponse<String> bad = app.get(base + "?action=nope&limit=0&color=red");
    ApiTestSupport.assertProblem(bad, 400, "/problems/validation");
    assertThat(bad.body()).contains("action", "limit", "color");
  }

  @Test
  @DisplayName("SEC-09: the export is JSON lines holding its own entry, and the chain verifies")
  void exportAndVerify() throws Exception {
    String base = "/api/v1/workspaces/" + workspace + "/audit";
    HttpResponse<String> export = app.get(base + "/export");
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-ndjson");
    String[] lines = export.body().split("\n");
    assertThat(JSON.readTree(lines[lines.length - 1]).path("action").asText()).isEqualTo("audit_exported");
    assertThat(lines).extracting(line -> JSON.readTree(line).path("sequence").asLong())
        .as("oldest first, each once").isSorted().doesNotHaveDuplicates();
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
      assertThat(files.map(f -> f.getFileName().toString())).as("the spool is gone once sent")
          .noneMatch(name -> name.startsWith("crm-spool-"));
    }
    JsonNode verified = JSON.readTree(app.get(base + "/verify").body());
    assertThat(verified.path("valid").asBoolean()).isTrue();
    assertThat(verified.path("entries").asLong()).isGreaterThanOrEqualTo(lines.length);
  }

  @Test
  @DisplayName("RET-08: each kind of sign-in event carries the client's IP and user agent, listed to its own account only")
  void signInEventsAreListedToTheirAccount() throws Exception {
    TestApp.Client grace = app.newClient().signUpAndSignIn();
    // a failed attempt with the wrong password, then a sign-in and a sign-out with our user agent
    assertThat(login(app.newClient(), grace.email(), "not the password at all", AGENT).statusCode()).isEqualTo(401);
    TestApp.Client again = app.newClient();
    assertThat(login(again, grace.email(), grace.password(), AGENT).statusCode()).isEqualTo(200);
    List<JsonNode> events = items(again.get("/api/v1/me/login-events"));
    assertThat(events).extracting(e -> e.path("action").asText())
        .contains("sign_in_failed", "sign_in_succeeded");
    assertThat(events).filteredOn(e -> e.path("userAgent").asText().equals(AGENT)).hasSize(2)
        .allSatisfy(e -> {
          assertThat(e.path("ip").asText()).isEqualTo("127.0.0.1");
          assertThat(e.path("email").asText()).isEqualTo(grace.email());
        });
    assertThat(items(owner.get("/api/v1/me/login-events")))
        .noneMatch(e -> grace.email().equals(e.path("email").asText()));
    assertThat(again.postJson("/api/v1/auth/logout", "").statusCode()).isEqualTo(204);
    assertThat(items(grace.get("/api/v1/me/login-events"))).extracting(e -> e.path("action").asText())
        .contains("signed_out");
  }

  @Test
  @DisplayName("RET-08: an unknown email's attempt leaves an anonymous entry with neither email nor IP")
  void anUnknownEmailLeavesAnAnonymousEntry() throws Exception {
    assertThat(login(app.newClient(), "nobody." + UNIQUE + "@example.org", "whatever password", AGENT).statusCode())
        .isEqualTo(401);
    try (var c = db.superuserConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select actor_kind, email_ct, ip_ct, user_agent_ct, subject_id "
            + "from platform_audit_entries where action = 'sign_in_failed' and actor_kind = 'anonymous'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("email_ct")).isNull();
      assertThat(rs.getString("ip_ct")).isNull();
      assertThat(rs.getString("user_agent_ct")).isNull();
      assertThat(rs.getString("subject_id")).isNull();
    }
  }

  @Test
  @DisplayName("TEN-01: workspace B's path never lists, exports or verifies A's entries; raw SQL as crm_app sees only the set tenant's")
  void workspaceWalls() throws Exception {
    TestApp.Client other = app.newClient().signUpAndSignIn();
    String theirs = created(other.postJson("/api/v1/workspaces", "{\"name\":\"Other\"}"));
    for (String path : List.of("", "/export", "/verify")) {
      ApiTestSupport.assertProblem(other.get("/api/v1/workspaces/" + workspace + "/audit" + path), 404,
          "/problems/not-found");
    }
    assertThat(items(other.get("/api/v1/workspaces/" + theirs + "/audit"))).isEmpty();
    long seen = db.asApp(UUID.fromString(theirs), c -> {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("select count(*) from audit_entries where tenant_id = '" + workspace + "'")) {
        rs.next();
        return rs.getLong(1);
      }
    });
    assertThat(seen).isZero();
    long own = db.asApp(UUID.fromString(workspace), c -> {
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from audit_entries")) {
        rs.next();
        return rs.getLong(1);
      }
    });
    assertThat(own).isPositive();
  }

  @Test
  @DisplayName("SEC-09: after an HTTP workflow with unique values no audit table holds a contact's or an actor's personal value in clear")
  void noPersonalValueInClear() throws Exception {
    login(app.newClient(), owner.email(), owner.password(), AGENT);
    List<String> rows = TestApp.everyRowAsText(db, "audit_entries", "platform_audit_entries", "audit_subject_keys",
        "audit_chain_heads").stream()
        .filter(row -> row.startsWith("audit_") || row.startsWith("platform_audit_entries"))
        .toList();
    assertThat(rows).isNotEmpty();
    assertThat(rows).noneMatch(row -> row.contains(CONTACT_FIRST) || row.contains(CONTACT_LAST)
        || row.contains(CONTACT_EMAIL) || row.contains(CONTACT_PHONE) || row.contains(owner.email())
        || row.contains("127.0.0.1") || row.contains(AGENT) || row.contains(UNIQUE));
  }

  @Test
  @DisplayName("SEC-09: members, invitations accepted, pipeline and stage deletes, and the platform's events name their account")
  void theOtherActionsNameTheirActor() throws Exception {
    String base = "/api/v1/workspaces/" + workspace;
    // a pipeline with a stage deleted, then the pipeline
    HttpResponse<String> pipeline = app.postJson(base + "/pipelines", "{\"name\":\"Audited\",\"stages\":["
        + "{\"name\":\"Lead\",\"kind\":\"open\",\"probability\":10},{\"name\":\"Demo\",\"kind\":\"open\",\"probability\":50},"
        + "{\"name\":\"Won\",\"kind\":\"won\"},{\"name\":\"Lost\",\"kind\":\"lost\"}]}");
    String pipelineId = created(pipeline);
    String demo = JSON.readTree(pipeline.body()).path("stages").get(1).path("id").asText();
    String etag = pipeline.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> stageDeleted = app.delete(base + "/pipelines/" + pipelineId + "/stages/" + demo, "If-Match", etag);
    assertThat(stageDeleted.statusCode()).as(stageDeleted.body()).isEqualTo(200);
    assertThat(app.delete(base + "/pipelines/" + pipelineId, "If-Match",
        stageDeleted.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(204);
    // a member joins, is promoted and leaves; another joins and is removed
    TestApp.Client leaver = join(base);
    String leaverId = JSON.readTree(leaver.get("/api/v1/me").body()).path("id").asText();
    assertThat(app.client().json("PATCH", base + "/members/" + leaverId, "application/json", "{\"role\":\"member\"}")
        .statusCode()).isEqualTo(200);
    assertThat(leaver.delete(base + "/members/" + leaverId).statusCode()).isEqualTo(204);
    TestApp.Client removed = join(base);
    String removedId = JSON.readTree(removed.get("/api/v1/me").body()).path("id").asText();
    assertThat(app.delete(base + "/members/" + removedId).statusCode()).isEqualTo(204);
    // a password change
    assertThat(removed.postJson("/api/v1/me/password", "{\"current\":\"" + removed.password()
        + "\",\"new\":\"a whole new passphrase " + UNIQUE + "\"}").statusCode()).isEqualTo(204);

    List<JsonNode> entries = items(app.get(base + "/audit?limit=200"));
    assertThat(entries).extracting(e -> e.path("action").asText()).contains("stage_deleted", "pipeline_deleted",
        "invitation_accepted", "member_role_changed", "member_left", "member_removed");
    assertThat(entries).filteredOn(e -> e.path("action").asText().equals("member_left"))
        .singleElement().satisfies(e -> assertThat(e.path("actorAccountId").asText()).isEqualTo(leaverId));
    assertThat(entries).filteredOn(e -> e.path("action").asText().equals("member_removed"))
        .singleElement().satisfies(e -> {
          assertThat(e.path("actorAccountId").asText()).isEqualTo(ownerId);
          assertThat(e.path("targetId").asText()).isEqualTo(removedId);
        });
    assertThat(entries).extracting(e -> e.path("actorKind").asText()).doesNotContain("anonymous", "system");

    List<String> platform = new ArrayList<>();
    try (var c = db.superuserConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select action, actor_kind, actor_account from platform_audit_entries "
            + "where actor_account in ('" + ownerId + "', '" + removedId + "') order by sequence")) {
      while (rs.next()) {
        assertThat(rs.getString("actor_kind")).isEqualTo("account");
        platform.add(rs.getString("action") + " " + rs.getString("actor_account"));
      }
    }
    assertThat(platform).contains("email_verified " + ownerId, "sign_in_succeeded " + ownerId,
        "workspace_created " + ownerId, "password_changed " + removedId);
  }

  @Test
  @DisplayName("RET-08: an account's workspace entries show its email, IP and user agent in the API and export; forgotten, they read as erased, no table holds them or the wrapped key, and the chain still verifies")
  void workspaceEntriesCarryTheActorsPersonalFieldsUntilForgotten() throws Exception {
    TestApp.Client hedy = app.newClient().signUpAndSignIn();
    String hedyId = JSON.readTree(hedy.get("/api/v1/me").body()).path("id").asText();
    String base = "/api/v1/workspaces/" + created(hedy.postJson("/api/v1/workspaces", "{\"name\":\"Hedy's\"}"));
    String contact = created(hedy.postJson(base + "/contacts",
        "{\"firstName\":\"Gone\",\"lastName\":\"Soon\",\"email\":\"gone." + UNIQUE + "@example.org\"}"));
    String agent = "HedyBrowser/" + UNIQUE;
    HttpResponse<String> deleted = hedy.delete(base + "/contacts/" + contact, "User-Agent", agent);
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
    JsonNode entry = items(hedy.get(base + "/audit?action=contact_deleted")).get(0);
    assertThat(entry.path("email").asText()).isEqualTo(hedy.email());
    assertThat(entry.path("ip").asText()).isEqualTo("127.0.0.1");
    assertThat(entry.path("userAgent").asText()).isEqualTo(agent);
    assertThat(entry.path("personalDataErased").asBoolean()).isFalse();
    assertThat(exported(hedy, base, "contact_deleted").path("userAgent").asText()).isEqualTo(agent);
    String wrapped;
    try (var c = db.superuserConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select wrapped_key from audit_subject_keys where subject_id = '" + hedyId + "'")) {
      assertThat(rs.next()).isTrue();
      wrapped = rs.getString(1);
    }

    // the account erasure that will call it is for later: forget through the library's port, as it will
    var persistence = db.persistence();
    ChainedAuditLog log = new ChainedAuditLog(persistence.auditStore(), MasterKey.of(TestApp.MASTER_KEY),
        Clock.systemUTC());
    assertThat(persistence.transactions().inPlatform(() -> log.forget(UUID.fromString(hedyId)))).isTrue();

    JsonNode after = items(hedy.get(base + "/audit?action=contact_deleted")).get(0);
    assertThat(after.path("personalDataErased").asBoolean()).isTrue();
    assertThat(after.hasNonNull("email")).isFalse();
    assertThat(after.hasNonNull("ip")).isFalse();
    assertThat(exported(hedy, base, "contact_deleted").path("personalDataErased").asBoolean()).isTrue();
    assertThat(JSON.readTree(hedy.get(base + "/audit/verify").body()).path("valid").asBoolean()).isTrue();
    // the export appended an entry of its own meanwhile, under a new key: only the forgotten ones are checked
    List<String> rows = TestApp.everyRowAsText(db, "audit_entries", "audit_subject_keys").stream()
        .filter(row -> row.startsWith("audit_") || row.startsWith("platform_audit_entries")).toList();
    assertThat(rows).isNotEmpty().noneMatch(row -> row.contains(hedy.email()) || row.contains(agent)
        || row.contains(wrapped));
  }

  /** The entry of {@code action} in the export of the workspace at {@code base}. */
  private static JsonNode exported(TestApp.Client client, String base, String action) throws Exception {
    HttpResponse<String> export = client.get(base + "/audit/export");
    assertThat(export.statusCode()).isEqualTo(200);
    for (String line : export.body().split("\n")) {
      JsonNode entry = JSON.readTree(line);
      if (entry.path("action").asText().equals(action)) {
        return entry;
      }
    }
    throw new AssertionError("no " + action + " in the export");
  }

  @Test
  @DisplayName("SEC-09: a custom field's definition created, changed and deleted is audited with its object type and what changed, never its label")
  void customFieldDefinitionsAreAudited() throws Exception {
    String fields = "/api/v1/workspaces/" + workspace + "/custom-fields/contact";
    String label = "Label" + UNIQUE;
    String field = created(app.postJson(fields, "{\"key\":\"audited_" + UNIQUE.replaceAll("[^a-z0-9]", "x")
        + "\",\"type\":\"text\",\"label\":\"" + label + "\",\"sensitive\":true}"));
    HttpResponse<String> changed = app.client().json("PATCH", fields + "/" + field, "application/merge-patch+json",
        "{\"label\":\"Other" + label + "\"}", "If-Match", "\"1\"");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(app.delete(fields + "/" + field, "If-Match", "\"2\"").statusCode()).isEqualTo(204);

    List<JsonNode> entries = items(app.get("/api/v1/workspaces/" + workspace + "/audit?targetId=" + field));
    assertThat(entries).extracting(e -> e.path("action").asText())
        .containsExactly("custom_field_deleted", "custom_field_changed", "custom_field_created");
    assertThat(entries).allSatisfy(e -> {
      assertThat(e.path("targetType").asText()).isEqualTo("custom_field");
      assertThat(e.path("details").path("object_type").asText()).isEqualTo("CONTACT");
      assertThat(e.path("details").path("sensitivity").asText()).isEqualTo("SENSITIVE");
      assertThat(e.path("actorAccountId").asText()).isEqualTo(ownerId);
    });
    assertThat(entries.get(1).path("details").path("fields").asText()).isEqualTo("label");
    assertThat(entries.get(2).path("details").path("type").asText()).isEqualTo("TEXT");
    assertThat(TestApp.everyRowAsText(db, "audit_entries")).filteredOn(row -> row.startsWith("audit_entries"))
        .noneMatch(row -> row.contains(label));
  }

  /** A new account that joins the workspace at {@code base} as a viewer, through an invitation. */
  private static TestApp.Client join(String base) throws Exception {
    return ApiTestSupport.joined(app, app.client(), base, "viewer");
  }

  private static HttpResponse<String> login(TestApp.Client client, String email, String password, String agent)
      throws Exception {
    return client.sendAsIs(HttpRequest.newBuilder(app.uri("/api/v1/auth/login"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
        .header("Content-Type", "application/json").header("Origin", app.origin()).header("User-Agent", agent));
  }
}
