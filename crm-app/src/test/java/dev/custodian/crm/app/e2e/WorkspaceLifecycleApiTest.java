package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.custodian.crm.app.AccountConfig;
import dev.custodian.crm.app.RetentionConfig;
import dev.custodian.crm.app.SuiteLanes;
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
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * HTTP end to end for a workspace's lifecycle (DSR-05) and its read-only window (RET-02): an
 * OWNER cancels, every OWNER is mailed over SMTP, writes answer 409 while reads and erasure go on,
 * and reactivation works until the purge is due.
 */
@Execution(ExecutionMode.CONCURRENT) // it mostly waits: it runs beside the others (SuiteLanes)
@ResourceLock(SuiteLanes.SHARED_OBSERVERS)
class WorkspaceLifecycleApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CANCELLED_SUBJECT = "Your workspace was cancelled";
  private static final String REMINDER_SUBJECT = "Your cancelled workspace is deleted in 7 days";
  private static final Instant START = Instant.parse("2026-12-02T09:00:00Z");

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static final MutableClock clock = new MutableClock(START);
  private static TestApp app;

  @BeforeAll
  static void start() {
    Map<String, String> env = environment();
    // This server runs no retention job (day-31 checks see a due workspace as it is); the tests of
    // the job start two more instances of their own, on the same database and clock.
    env.put(RetentionConfig.ENABLED, "false");
    app = TestApp.start(env, clock);
  }

  private static Map<String, String> environment() {
    Map<String, String> env = TestApp.environmentFor(db);
    env.put(AccountConfig.THROTTLE_LIMIT, "1000"); // many sign-ups from one address
    env.put(RetentionConfig.INTERVAL, "PT1S"); // the retention job's rounds come every second
    return env;
  }

  /** The mails with {@code subject} SMTP received for {@code email}. */
  private static long mailsTo(String email, String subject) throws Exception {
    long count = 0;
    for (MimeMessage message : TestApp.SMTP.getReceivedMessages()) {
      String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
      if (to.equalsIgnoreCase(email) && message.getSubject().equals(subject)) {
        count++;
      }
    }
    return count;
  }

  @Test
  @DisplayName("DSR-05: with two instances running, the purge reminder comes once, on day 23, to each OWNER over SMTP, none to the ADMIN")
  void theReminderComesOnceOnDay23() throws Exception {
    Owned w = owned("Reminded Ltd");
    TestApp.Client second = join(w, "owner");
    TestApp.Client admin = join(w, "admin");
    assertThat(w.owner().postJson(w.path("/cancel"), "").statusCode()).isEqualTo(200);
    Instant purgeAt = Instant.parse(json(w.owner().get(w.path(""))).path("purgeAt").asText());
    Duration moved = Duration.ZERO;
    try (TestApp one = TestApp.start(environment(), clock); TestApp other = TestApp.start(environment(), clock)) {
      clock.advance(Duration.ofDays(22));
      moved = moved.plus(Duration.ofDays(22));
      Thread.sleep(2_500); // rounds of both instances
      TestApp.awaitEmptyOutbox(db);
      assertThat(mailsTo(w.owner().email(), REMINDER_SUBJECT)).as("none on day 22").isZero();

      clock.advance(Duration.ofDays(1));
      moved = moved.plus(Duration.ofDays(1));
      assertThat(mailBody(w.owner().email(), REMINDER_SUBJECT)).contains("Reminded Ltd").contains(purgeAt.toString());
      Thread.sleep(3_000); // more rounds of both instances
      TestApp.awaitEmptyOutbox(db);
      for (TestApp.Client owner : List.of(w.owner(), second)) {
        assertThat(mailsTo(owner.email(), REMINDER_SUBJECT)).as("one reminder to %s", owner.email()).isEqualTo(1);
      }
      assertThat(mailsTo(admin.email(), REMINDER_SUBJECT)).isZero();
    } finally {
      clock.advance(moved.negated());
    }
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
    return ApiTestSupport.joined(app, w.owner(), w.path(""), role);
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
    assertThat(lifecycleEntries(w.workspace())).as("each step on the workspace's chain")
        .containsExactly("workspace_cancelled:", "workspace_reactivated:");
  }

  /** The lifecycle entries of {@code workspace}'s audit chain, oldest first, as {@code action:details}. */
  private static List<String> lifecycleEntries(String workspace) throws Exception {
    List<String> entries = new ArrayList<>();
    try (var c = db.superuserConnection(); var st = c.createStatement();
        var rows = st.executeQuery("select action, details from audit_entries where tenant_id = '" + workspace
            + "' and action like 'workspace%' order by sequence")) {
      while (rows.next()) {
        entries.add(rows.getString(1) + ":" + rows.getString(2));
      }
    }
    return entries;
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

  @Test
  @DisplayName("RET-03, RET-11: with two instances running, nothing is purged a minute before purgeAt; after it the workspace is purged once: rows naming it only in the closed list, PURGED with its slug free, another untouched, audited counts equal the rows")
  void aDueWorkspaceIsPurgedByTheJobOnce() throws Exception {
    Owned w = owned("Expiring Ltd");
    Owned other = owned("Lasting Ltd");
    contact(other, other.owner());
    TestApp.Client member = join(w, "member");
    String slug = json(w.owner().get(w.path(""))).path("slug").asText();
    String erased = contact(w, w.owner());
    contact(w, member);
    contact(w, w.owner());
    apiKey(w, "viewer");
    assertThat(w.owner().postJson(w.path("/invitations"), "{\"email\":\"too.late@example.org\",\"role\":\"viewer\"}")
        .statusCode()).isEqualTo(201);
    assertThat(w.owner().postJson(w.path("/contacts/" + erased + "/erasure"), "").statusCode()).isEqualTo(200);
    HttpResponse<String> cancelled = w.owner().postJson(w.path("/cancel"), "");
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    Instant purgeAt = Instant.parse(json(cancelled).path("purgeAt").asText());
    TestApp.awaitEmptyOutbox(db);
    Map<String, Long> existed = rowsNaming(w.workspace());
    existed.values().removeIf(count -> count == 0);
    existed.remove("audit_entries");
    existed.remove("mail_outbox");
    Map<String, Long> otherBefore = rowsNaming(other.workspace());
    Instant start = clock.instant();
    try (TestApp one = TestApp.start(environment(), clock); TestApp two = TestApp.start(environment(), clock)) {
      clock.set(purgeAt.minus(Duration.ofMinutes(1)));
      Thread.sleep(2_500); // rounds of both instances
      Map<String, Long> early = rowsNaming(w.workspace());
      early.values().removeIf(count -> count == 0);
      early.remove("audit_entries");
      early.remove("mail_outbox"); // the purge reminder, due too, may be on its way
      assertThat(early).as("a minute before purgeAt nothing is deleted").isEqualTo(existed);

      clock.set(purgeAt.plus(Duration.ofMinutes(1)));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!lifecycleEntries(w.workspace()).stream().anyMatch(e -> e.startsWith("workspace_purged:"))
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      Thread.sleep(2_500); // more rounds of both instances
    } finally {
      clock.set(start);
    }
    Map<String, Long> left = rowsNaming(w.workspace());
    left.values().removeIf(count -> count == 0);
    removeKept(left);
    assertThat(left).as("rows naming the purged workspace").isEmpty();
    List<String> purges = lifecycleEntries(w.workspace()).stream().filter(e -> e.startsWith("workspace_purged:")).toList();
    assertThat(purges).as("purged once").hasSize(1);
    for (Map.Entry<String, Long> table : existed.entrySet()) {
      if (!table.getKey().equals("workspaces") && !KEPT.contains(table.getKey())) {
        assertThat(purges.get(0)).as("the audited count of %s", table.getKey())
            .contains("count." + table.getKey() + "=" + table.getValue());
      }
    }
    try (var c = db.superuserConnection(); var st = c.createStatement();
        var row = st.executeQuery("select status, slug, actor_kind from workspaces, audit_entries where id = '"
            + w.workspace() + "' and tenant_id = id and action = 'workspace_purged'")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getString("status")).isEqualTo("PURGED");
      assertThat(row.getString("slug")).isNull();
      assertThat(row.getString("actor_kind")).isEqualTo("system");
    }
    assertThat(rowsNaming(other.workspace())).isEqualTo(otherBefore);
    TestApp.Client owner = app.newClient().signIn(w.owner().email(), w.owner().password());
    ApiTestSupport.assertProblem(owner.get(w.path("")), 404, "/problems/not-found");
    HttpResponse<String> again = owner.postJson("/api/v1/workspaces", "{\"name\":\"Again Ltd\",\"slug\":\"" + slug + "\"}");
    assertThat(again.statusCode()).as("the slug is free: %s", again.body()).isEqualTo(201);
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
    removeKept(left);
    List<String> steps = lifecycleEntries(w.workspace());
    assertThat(steps).hasSize(2);
    assertThat(steps.get(0)).isEqualTo("workspace_deleted_now:");
    assertThat(steps.get(1)).startsWith("workspace_purged:").contains("count.contacts=1;", "count.memberships=2;",
        "count.suppression_entries=1;", "count.api_keys=1;", "count.invitations=2;");
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

  /**
   * Takes RET-11's closed list out of the rows left naming a purged workspace: its audit chain
   * (RET-08), and the consent ledger (CON-04, RET-09): its entries, naming no one, and the purposes
   * they name.
   */
  private static void removeKept(Map<String, Long> left) {
    assertThat(left.get("audit_entries")).as("the workspace's audit chain is kept").isPositive();
    left.keySet().removeAll(KEPT);
  }

  /** The tables a workspace's purge keeps its rows in (RET-11's closed list). */
  private static final Set<String> KEPT = Set.of("audit_entries", "consent_events", "consent_purposes");
}
