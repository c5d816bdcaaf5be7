package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.custodian.crm.app.AccountConfig;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.persistence.testing.TestDatabase;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HTTP end to end for a workspace's lifecycle (DSR-05) and its read-only window (RET-02): an
 * OWNER cancels, every OWNER is mailed over SMTP, writes answer 409 while reads and erasure go on,
 * and reactivation works until the purge is due.
 */
class WorkspaceLifecycleApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CANCELLED_SUBJECT = "Your workspace was cancelled";
  private static final Instant START = Instant.parse("2026-12-02T09:00:00Z");

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static final MutableClock clock = new MutableClock(START);
  private static TestApp app;

  @BeforeAll
  static void start() {
    Map<String, String> env = TestApp.environmentFor(db);
    env.put(AccountConfig.THROTTLE_LIMIT, "1000"); // many sign-ups from one address
    app = TestApp.start(env, clock);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  /** A new signed-in owner of a new workspace named {@code name}. */
  private record Owned(TestApp.Client owner, String workspace) {
    String path(String rest) {
      return "/api/v1/workspaces/" + workspace + rest;
    }
  }

  private static Owned owned(String name) throws Exception {
    TestApp.Client owner = app.newClient().signUpAndSignIn();
    HttpResponse<String> created = owner.postJson("/api/v1/workspaces", "{\"name\":\"" + name + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return new Owned(owner, JSON.readTree(created.body()).path("id").asText());
  }

  private static TestApp.Client join(Owned w, String role) throws Exception {
    TestApp.Client member = app.newClient().signUpAndSignIn();
    HttpResponse<String> invited = w.owner().postJson(w.path("/invitations"),
        "{\"email\":\"" + member.email() + "\",\"role\":\"" + role + "\"}");
    assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
    String token = TestApp.awaitMail(member.email(), "You are invited to a Custodian CRM workspace").get(1);
    HttpResponse<String> accepted = member.postJson("/api/v1/invitations/accept", "{\"token\":\"" + token + "\"}");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    return member;
  }

  private static String contact(Owned w, TestApp.Client by) throws Exception {
    HttpResponse<String> created = by.postJson(w.path("/contacts"), "{\"firstName\":\"Con\",\"lastName\":\"Tact\","
        + "\"email\":\"contact." + UUID.randomUUID().toString().substring(0, 8) + "@example.org\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).path("id").asText();
  }

  private static String apiKey(Owned w, String role) throws Exception {
    HttpResponse<String> created = w.owner().postJson(w.path("/api-keys"),
        "{\"name\":\"" + role + " key\",\"role\":\"" + role + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).path("key").asText();
  }

  private static HttpResponse<String> withKey(String key, String path) throws Exception {
    return app.newClient().sendAsIs(HttpRequest.newBuilder(app.uri(path)).header("Authorization", "Bearer " + key)
        .POST(HttpRequest.BodyPublishers.noBody()));
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  /** The body of the unread mail with {@code subject} to {@code email}, waiting for it. */
  private static String mailBody(String email, String subject) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      for (MimeMessage message : TestApp.SMTP.getReceivedMessages()) {
        String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
        if (to.equalsIgnoreCase(email) && message.getSubject().equals(subject) && message.getHeader("X-Seen") == null) {
          message.setHeader("X-Seen", "yes");
          return GreenMailUtil.getBody(message);
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no mail '" + subject + "' to " + email);
  }

  @Test
  @DisplayName("DSR-05: an OWNER's cancel answers purgeAt = cancelledAt + 30 days and mails each OWNER over SMTP; again changes nothing; other roles and API keys get 403")
  void anOwnerCancelsAndEveryOwnerIsMailed() throws Exception {
    Owned w = owned("Lifecycle Ltd");
    TestApp.Client second = join(w, "owner");
    TestApp.Client admin = join(w, "admin");
    String adminKey = apiKey(w, "admin");

    ApiTestSupport.assertProblem(admin.postJson(w.path("/cancel"), ""), 403, "/problems/forbidden");
    ApiTestSupport.assertProblem(withKey(adminKey, w.path("/cancel")), 403, "/problems/forbidden");
    assertThat(json(w.owner().get(w.path(""))).path("status").asText()).isEqualTo("active");

    HttpResponse<String> cancelled = w.owner().postJson(w.path("/cancel"), "");
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    JsonNode body = json(cancelled);
    assertThat(body.path("status").asText()).isEqualTo("cancelled");
    Instant cancelledAt = Instant.parse(body.path("cancelledAt").asText());
    Instant purgeAt = Instant.parse(body.path("purgeAt").asText());
    assertThat(cancelledAt).isEqualTo(clock.instant());
    assertThat(purgeAt).isEqualTo(cancelledAt.plus(Duration.ofDays(30)));

    for (TestApp.Client owner : List.of(w.owner(), second)) {
      String mail = mailBody(owner.email(), CANCELLED_SUBJECT);
      assertThat(mail).contains("Lifecycle Ltd").contains(purgeAt.toString()).contains("http://");
    }

    HttpResponse<String> again = second.postJson(w.path("/cancel"), "");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again).path("cancelledAt").asText()).isEqualTo(body.path("cancelledAt").asText());
    assertThat(json(again).path("purgeAt").asText()).isEqualTo(body.path("purgeAt").asText());
    TestApp.awaitEmptyOutbox(db);
    List<String> recipients = new ArrayList<>();
    for (MimeMessage message : TestApp.SMTP.getReceivedMessages()) {
      String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
      if (message.getSubject().equals(CANCELLED_SUBJECT)
          && List.of(w.owner().email(), second.email(), admin.email()).contains(to)) {
        recipients.add(to);
      }
    }
    assertThat(recipients).as("one mail per OWNER, none to the ADMIN, none for cancelling again")
        .containsExactlyInAnyOrder(w.owner().email(), second.email());
  }

  @Test
  @DisplayName("RET-02: in the window writes answer 409 /problems/workspace-cancelled and change nothing, reads and erasure work; reactivating on day 29 restores writes")
  void theWindowIsReadOnlyUntilReactivated() throws Exception {
    Owned w = owned("Window Ltd");
    String kept = contact(w, w.owner());
    String erased = contact(w, w.owner());
    String memberKey = apiKey(w, "member");
    assertThat(w.owner().postJson(w.path("/cancel"), "").statusCode()).isEqualTo(200);
    long contacts = TestApp.count(db, "contacts where tenant_id = '" + w.workspace() + "'");

    ApiTestSupport.assertProblem(w.owner().postJson(w.path("/contacts"),
        "{\"firstName\":\"New\",\"lastName\":\"One\",\"email\":\"new.one@example.org\"}"), 409, "/problems/workspace-cancelled");
    ApiTestSupport.assertProblem(w.owner().delete(w.path("/contacts/" + kept)), 409, "/problems/workspace-cancelled");
    ApiTestSupport.assertProblem(app.newClient().sendAsIs(HttpRequest.newBuilder(app.uri(w.path("/contacts")))
        .header("Authorization", "Bearer " + memberKey).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"firstName\":\"Key\",\"lastName\":\"Write\",\"email\":\"key.write@example.org\"}"))),
        409, "/problems/workspace-cancelled");
    assertThat(TestApp.count(db, "contacts where tenant_id = '" + w.workspace() + "'")).isEqualTo(contacts);

    assertThat(w.owner().get(w.path("/contacts")).statusCode()).isEqualTo(200);
    assertThat(w.owner().get(w.path("/contacts/" + kept)).statusCode()).isEqualTo(200);
    HttpResponse<String> erasure = w.owner().postJson(w.path("/contacts/" + erased + "/erasure"), "");
    assertThat(erasure.statusCode()).as("a person's rights do not pause: %s", erasure.body()).isEqualTo(200);

    clock.advance(Duration.ofDays(29));
    TestApp.Client owner = app.newClient().signIn(w.owner().email(), w.owner().password());
    HttpResponse<String> reactivated = owner.postJson(w.path("/reactivate"), "");
    assertThat(reactivated.statusCode()).as(reactivated.body()).isEqualTo(200);
    assertThat(json(reactivated).path("status").asText()).isEqualTo("active");
    assertThat(json(reactivated).has("purgeAt")).isFalse();
    contact(new Owned(owner, w.workspace()), owner);
    assertThat(TestApp.count(db, "contacts where tenant_id = '" + w.workspace() + "'")).isEqualTo(contacts);
  }

  @Test
  @DisplayName("DSR-05: once purgeAt has come (day 31) reactivation answers 409 and the workspace stays cancelled")
  void reactivationEndsWithTheWindow() throws Exception {
    Owned w = owned("Late Ltd");
    assertThat(w.owner().postJson(w.path("/cancel"), "").statusCode()).isEqualTo(200);
    clock.advance(Duration.ofDays(31));
    try {
      TestApp.Client owner = app.newClient().signIn(w.owner().email(), w.owner().password());
      ApiTestSupport.assertProblem(owner.postJson(w.path("/reactivate"), ""), 409, "/problems/workspace-cancelled");
      assertThat(json(owner.get(w.path(""))).path("status").asText()).isEqualTo("cancelled");
    } finally {
      clock.advance(Duration.ofDays(-31));
    }
  }

  /** Rows naming {@code workspace}, per table, as the superuser counts them (every table with a tenant or workspace column). */
  private static Map<String, Long> rowsNaming(String workspace) throws Exception {
    Map<String, Long> counts = new java.util.TreeMap<>();
    try (var c = db.superuserConnection(); var st = c.createStatement();
        var columns = st.executeQuery("select table_name, column_name from information_schema.columns"
            + " where table_schema not in ('pg_catalog', 'information_schema')"
            + " and column_name in ('tenant_id', 'workspace_id') order by 1")) {
      List<String[]> found = new ArrayList<>();
      while (columns.next()) {
        found.add(new String[] {columns.getString(1), columns.getString(2)});
      }
      for (String[] table : found) {
        try (var count = c.createStatement().executeQuery(
            "select count(*) from " + table[0] + " where " + table[1] + " = '" + workspace + "'")) {
          count.next();
          counts.merge(table[0], count.getLong(1), Long::sum);
        }
      }
    }
    return counts;
  }

  private static HttpResponse<String> deleteNow(Owned w, TestApp.Client by, String password) throws Exception {
    return by.postJson(w.path("/delete-now"), password == null ? "{}" : "{\"password\":\"" + password + "\"}");
  }

  @Test
  @DisplayName("DSR-05: delete now re-authenticates: no password is a 400 naming it, a wrong one a 403 that changes nothing, an ADMIN a 403")
  void deleteNowNeedsTheOwnersPassword() throws Exception {
    Owned w = owned("Careful Ltd");
    contact(w, w.owner());
    TestApp.Client admin = join(w, "admin");
    Map<String, Long> before = rowsNaming(w.workspace());

    HttpResponse<String> none = deleteNow(w, w.owner(), null);
    ApiTestSupport.assertProblem(none, 400, "/problems/validation");
    assertThat(none.body()).contains("#/password");
    ApiTestSupport.assertProblem(deleteNow(w, w.owner(), "not the password"), 403, "/problems/reauthentication-failed");
    ApiTestSupport.assertProblem(deleteNow(w, admin, admin.password()), 403, "/problems/forbidden");

    assertThat(rowsNaming(w.workspace())).isEqualTo(before);
    assertThat(json(w.owner().get(w.path(""))).path("status").asText()).isEqualTo("active");
  }

  @Test
  @DisplayName("RET-03: delete now purges at once, without moving the clock: no table names the workspace but its tombstone, another workspace is untouched, its slug is free and every route of it answers 404")
  void deleteNowPurges() throws Exception {
    Owned w = owned("Doomed Ltd");
    Owned other = owned("Survivor Ltd");
    contact(other, other.owner());
    TestApp.Client member = join(w, "member");
    String slug = json(w.owner().get(w.path(""))).path("slug").asText();
    String erased = contact(w, w.owner());
    contact(w, member);
    apiKey(w, "viewer");
    assertThat(w.owner().postJson(w.path("/invitations"), "{\"email\":\"late.comer@example.org\",\"role\":\"viewer\"}")
        .statusCode()).isEqualTo(201);
    assertThat(w.owner().postJson(w.path("/contacts/" + erased + "/erasure"), "").statusCode()).isEqualTo(200);
    HttpResponse<String> deal = w.owner().postJson(w.path("/deals"), "{\"title\":\"Doomed deal\"}");
    assertThat(deal.statusCode()).as(deal.body()).isEqualTo(201);
    assertThat(rowsNaming(w.workspace())).containsEntry("suppression_entries", 1L).containsEntry("erasure_receipts", 1L)
        .containsEntry("memberships", 2L).containsEntry("api_keys", 1L).containsEntry("invitations", 2L);
    Map<String, Long> otherBefore = rowsNaming(other.workspace());

    HttpResponse<String> deleted = deleteNow(w, w.owner(), w.owner().password());
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(202);

    Map<String, Long> left = rowsNaming(w.workspace());
    left.values().removeIf(count -> count == 0);
    // RET-11's closed list: the workspace's audit chain outlives it (RET-08).
    assertThat(left.remove("audit_entries")).as("the workspace's audit chain is kept").isPositive();
    assertThat(left).as("rows naming the purged workspace (its tombstone, in workspaces, is checked below)").isEmpty();
    try (var c = db.superuserConnection(); var st = c.createStatement();
        var row = st.executeQuery("select status, name, slug, purged_at from workspaces where id = '" + w.workspace() + "'")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getString("status")).isEqualTo("PURGED");
      assertThat(row.getString("name")).isNull();
      assertThat(row.getString("slug")).isNull();
      assertThat(row.getTimestamp("purged_at")).isNotNull();
    }
    assertThat(rowsNaming(other.workspace())).isEqualTo(otherBefore);
    ApiTestSupport.assertProblem(w.owner().get(w.path("")), 404, "/problems/not-found");
    ApiTestSupport.assertProblem(w.owner().get(w.path("/contacts")), 404, "/problems/not-found");
    ApiTestSupport.assertProblem(w.owner().postJson(w.path("/reactivate"), ""), 404, "/problems/not-found");
    HttpResponse<String> again = w.owner().postJson("/api/v1/workspaces",
        "{\"name\":\"Reborn Ltd\",\"slug\":\"" + slug + "\"}");
    assertThat(again.statusCode()).as("the slug is free: %s", again.body()).isEqualTo(201);
  }

  @Test
  @DisplayName("RET-11: called through crm_app for an ACTIVE or a not yet due workspace, the purge function deletes nothing and raises")
  void thePurgeFunctionRefusesAWorkspaceThatIsNotDue() throws Exception {
    Owned active = owned("Active Ltd");
    String erased = contact(active, active.owner());
    assertThat(active.owner().postJson(active.path("/contacts/" + erased + "/erasure"), "").statusCode()).isEqualTo(200);
    Owned cancelled = owned("Waiting Ltd");
    assertThat(cancelled.owner().postJson(cancelled.path("/cancel"), "").statusCode()).isEqualTo(200);
    for (Owned w : List.of(active, cancelled)) {
      for (String table : List.of("suppression_entries", "erasure_receipts", "erasure_receipt_counts")) {
        java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
            () -> db.asApp(UUID.fromString(w.workspace()), c -> {
              try (var st = c.prepareStatement("select crm_purge_append_only(?::regclass, ?)")) {
                st.setString(1, table);
                st.setObject(2, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
                st.executeQuery();
                return null;
              }
            }));
        assertThat(refused.getMessage()).contains("not due");
      }
    }
    assertThat(rowsNaming(active.workspace())).containsEntry("suppression_entries", 1L).containsEntry("erasure_receipts", 1L);
    assertThat(db.sqlStatesAsApp("delete from suppression_entries", "delete from erasure_receipts"))
        .as("crm_app stays append-only on them").doesNotContainNull();
  }
}
