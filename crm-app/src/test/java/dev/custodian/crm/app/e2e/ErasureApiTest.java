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
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * HTTP end to end for erasure: nothing of the person is left in any table, the person cannot be
 * re-added, receipts prove it, and the master key never reaches a table or a log line.
 */
@ResourceLock(SuiteLanes.SHARED_OBSERVERS) // it watches every log line
class ErasureApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] MASTER_KEY = new byte[32];

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static LogCapture logs;
  private static TestApp app;
  private static String a;
  private static String b;

  @BeforeAll
  static void start() throws Exception {
    new SecureRandom().nextBytes(MASTER_KEY);
    logs = new LogCapture();
    Map<String, String> env = TestApp.environmentFor(db);
    env.put(dev.custodian.crm.app.AppConfig.MASTER_KEY, Base64.getEncoder().encodeToString(MASTER_KEY));
    app = TestApp.start(env).signIn();
    a = ApiTestSupport.workspace(app);
    b = ApiTestSupport.workspace(app);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    if (logs != null) {
      logs.close();
    }
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private static String contacts(String workspace) {
    return "/api/v1/workspaces/" + workspace + "/contacts";
  }

  private static String random(int length) {
    String letters = "abcdefghijklmnopqrstuvwxyz";
    SecureRandom random = new SecureRandom();
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(letters.charAt(random.nextInt(letters.length())));
    }
    return s.toString();
  }

  private static String randomPhoneDigits() {
    return "+49" + (1_000_000_000L + Math.floorMod(new SecureRandom().nextLong(), 8_999_999_999L));
  }

  /** A person as a contact's fields; {@code jobTitle} may be {@code null} (none). */
  private record Person(String first, String last, String email, String phone, String jobTitle) {
    Person(String first, String last, String email, String phone) {
      this(first, last, email, phone, null);
    }

    String json() {
      return "{\"firstName\":\"" + first + "\",\"lastName\":\"" + last + "\",\"email\":\"" + email
          + "\",\"phone\":\"" + phone + "\"" + (jobTitle == null ? "" : ",\"jobTitle\":\"" + jobTitle + "\"") + "}";
    }
  }

  private static Person aPerson() {
    return new Person("Zq" + random(10), "Xv" + random(12), "Mx." + random(14) + "@Example.org", randomPhoneDigits(),
        "Jt " + random(12));
  }

  private static String create(String workspace, Person person) throws Exception {
    HttpResponse<String> created = app.postJson(contacts(workspace), person.json());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).path("id").asText();
  }

  private static HttpResponse<String> erase(String workspace, String contactId) throws Exception {
    return app.postJson(contacts(workspace) + "/" + contactId + "/erasure", "");
  }

  /** Every row of every user table as text, erasure's tables among them. */
  static List<String> everyRowAsText() throws Exception {
    return TestApp.everyRowAsText(db, "contacts", "suppression_entries", "erasure_receipts");
  }

  private static List<String> traces(Person person) {
    return List.of(person.first(), person.last(), person.email(), person.email().toLowerCase(Locale.ROOT),
        person.phone(), person.jobTitle());
  }

  @Test
  @DisplayName("DSR-04: after erasure no table holds the person's name, email, phone or job title; the receipt names none of them")
  void erasureLeavesNoTraceInAnyTable() throws Exception {
    Person person = aPerson();
    String id = create(a, person);
    String company = ApiTestSupport.acme(app, a); // the person works for a company, which stays
    assertThat(app.json("PATCH", contacts(a) + "/" + id, "application/merge-patch+json",
        "{\"companyId\":\"" + company + "\"}", "If-Match", "\"1\"").statusCode()).isEqualTo(200);
    String everything = String.join("\n", everyRowAsText());
    for (String trace : traces(person)) {
      assertThat(everything).as("positive control").contains(trace);
    }

    HttpResponse<String> receipt = erase(a, id);
    assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(200);
    JsonNode body = json(receipt);
    assertThat(body.path("contactId").asText()).isEqualTo(id);
    assertThat(body.path("workspaceId").asText()).isEqualTo(a);
    assertThat(body.path("recordsRemoved").path("contacts").asInt()).isEqualTo(1);
    assertThat(body.path("erasedAt").asText()).isNotEmpty();

    String after = String.join("\n", everyRowAsText());
    for (String trace : traces(person)) {
      assertThat(after).doesNotContain(trace);
      assertThat(receipt.body()).doesNotContain(trace);
    }
    assertThat(after).contains(id); // the receipt names the erased contact's id, nothing else of it
    assertThat(app.get("/api/v1/workspaces/" + a + "/companies/" + company).statusCode()).isEqualTo(200);
    ApiTestSupport.assertProblem(app.get(contacts(a) + "/" + id), 404, "/problems/not-found");
    ApiTestSupport.assertProblem(erase(a, id), 404, "/problems/not-found");
  }

  @Test
  @DisplayName("DSR-04: an erased email or phone is refused at intake in its workspace (409 suppressed) and accepted in another")
  void erasedIdentifiersAreSuppressedInTheirWorkspaceOnly() throws Exception {
    Person person = aPerson();
    assertThat(erase(a, create(a, person)).statusCode()).isEqualTo(200);
    String other = create(a, aPerson());
    long contactsBefore = TestApp.count(db, "contacts");

    Person sameEmail = new Person("New", "Person", "  " + person.email().toUpperCase(Locale.ROOT) + " ", randomPhoneDigits());
    HttpResponse<String> refused = app.postJson(contacts(a), sameEmail.json());
    ApiTestSupport.assertProblem(refused, 409, "/problems/suppressed");
    assertThat(refused.body()).doesNotContain(person.email(), person.email().toLowerCase(Locale.ROOT), "New", "Person");
    assertThat(json(refused).path("detail").asText()).contains("erased at the person's request").contains("consent");

    String formattedPhone = person.phone().substring(0, 3) + " (" + person.phone().substring(3, 6) + ") "
        + person.phone().substring(6, 9) + "-" + person.phone().substring(9);
    Person samePhone = new Person("New", "Person", random(8) + "@example.org", formattedPhone);
    ApiTestSupport.assertProblem(app.postJson(contacts(a), samePhone.json()), 409, "/problems/suppressed");
    assertThat(TestApp.count(db, "contacts")).isEqualTo(contactsBefore);

    String one = contacts(a) + "/" + other;
    ApiTestSupport.assertProblem(app.json("PATCH", one, "application/merge-patch+json",
        "{\"email\":\"" + person.email().toLowerCase(Locale.ROOT) + "\"}", "If-Match", "\"1\""), 409, "/problems/suppressed");
    ApiTestSupport.assertProblem(app.json("PATCH", one, "application/merge-patch+json",
        "{\"phone\":\"" + formattedPhone + "\"}", "If-Match", "\"1\""), 409, "/problems/suppressed");
    assertThat(app.get(one).headers().firstValue("ETag")).hasValue("\"1\"");

    assertThat(app.postJson(contacts(b), sameEmail.json()).statusCode()).isEqualTo(201);
    assertThat(app.postJson(contacts(b), samePhone.json()).statusCode()).isEqualTo(201);
  }

  @Test
  @DisplayName("TEN-01: erasing workspace A's contact through workspace B's path answers 404 and changes nothing")
  void erasureThroughAnotherWorkspaceIsNotFound() throws Exception {
    Person person = aPerson();
    String id = create(a, person);
    long entries = TestApp.count(db, "suppression_entries");
    long receipts = TestApp.count(db, "erasure_receipts");

    ApiTestSupport.assertProblem(erase(b, id), 404, "/problems/not-found");

    assertThat(app.get(contacts(a) + "/" + id).statusCode()).isEqualTo(200);
    assertThat(TestApp.count(db, "suppression_entries")).isEqualTo(entries);
    assertThat(TestApp.count(db, "erasure_receipts")).isEqualTo(receipts);
    assertThat(app.postJson(contacts(b), person.json()).statusCode()).isEqualTo(201);
  }

  @Test
  void receiptsAreListedPagedOldestFirst() throws Exception {
    String ws = ApiTestSupport.workspace(app);
    List<String> erased = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String id = create(ws, aPerson());
      assertThat(erase(ws, id).statusCode()).isEqualTo(200);
      erased.add(id);
    }
    JsonNode first = json(app.get("/api/v1/workspaces/" + ws + "/erasures?limit=2"));
    assertThat(first.path("items").size()).isEqualTo(2);
    JsonNode second = json(app.get("/api/v1/workspaces/" + ws + "/erasures?limit=2&cursor=" + first.path("nextCursor").asText()));
    assertThat(second.has("nextCursor")).isFalse();
    List<String> listed = new ArrayList<>();
    first.path("items").forEach(r -> listed.add(r.path("contactId").asText()));
    second.path("items").forEach(r -> listed.add(r.path("contactId").asText()));
    assertThat(listed).containsExactlyElementsOf(erased);
    ApiTestSupport.assertProblem(app.get("/api/v1/workspaces/" + ws + "/erasures?limit=0"), 400, "/problems/validation");
    ApiTestSupport.assertProblem(app.get("/api/v1/workspaces/" + UUID.randomUUID() + "/erasures"), 404, "/problems/not-found");
  }

  @Test
  @DisplayName("DSR-04: erasure is atomic: when the receipt cannot be written, the contact stays and nothing is suppressed")
  void erasureIsAtomic() throws Exception {
    Person person = aPerson();
    String id = create(a, person);
    long entries = TestApp.count(db, "suppression_entries");
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      st.execute("create function test_fail_receipt() returns trigger language plpgsql as "
          + "$$ begin raise exception 'receipt store unavailable'; end $$");
      st.execute("create trigger test_fail_receipt before insert on erasure_receipts for each row "
          + "when (new.contact_id = '" + id + "') execute function test_fail_receipt()");
    }
    try {
      ApiTestSupport.assertProblem(erase(a, id), 500, "/problems/internal-error");
    } finally {
      try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
        st.execute("drop trigger test_fail_receipt on erasure_receipts");
        st.execute("drop function test_fail_receipt()");
      }
    }
    assertThat(app.get(contacts(a) + "/" + id).statusCode()).isEqualTo(200);
    assertThat(TestApp.count(db, "suppression_entries")).isEqualTo(entries);
    assertThat(logs.lines()).as("the bug is logged by class, without the database's message")
        .anyMatch(line -> line.contains("internal-error") || line.contains("Unhandled"))
        .noneMatch(line -> line.contains("receipt store unavailable"));
    assertThat(app.postJson(contacts(a), new Person("A", "B", person.email(), randomPhoneDigits()).json()).statusCode())
        .as("the email is not suppressed, only a duplicate").isEqualTo(409);
    assertThat(erase(a, id).statusCode()).isEqualTo(200);
  }

  @Test
  void twoConcurrentErasuresOfOneContact_oneReceiptAndOne404() throws Exception {
    String id = create(a, aPerson());
    long receipts = TestApp.count(db, "erasure_receipts");
    List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> erasures = new ArrayList<>();
    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
    for (int i = 0; i < 2; i++) {
      erasures.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          together.await(10, java.util.concurrent.TimeUnit.SECONDS);
          return erase(a, id);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    List<Integer> statuses = new ArrayList<>();
    for (var erasure : erasures) {
      statuses.add(erasure.get(30, java.util.concurrent.TimeUnit.SECONDS).statusCode());
    }
    assertThat(statuses).containsExactlyInAnyOrder(200, 404);
    assertThat(TestApp.count(db, "erasure_receipts")).isEqualTo(receipts + 1);
  }

  @Test
  @DisplayName("DSR-04: a create of the same email while the erasure is still running is refused once it commits")
  void intakeDuringAnErasureWaitsAndIsRefused() throws Exception {
    Person person = aPerson();
    String id = create(a, person);
    long gate = 4242_0000L + Math.floorMod(id.hashCode(), 10_000);
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      // The erasure stops before writing its receipt (after deleting and suppressing) until the
      // test opens the gate: an advisory lock held by this session.
      st.execute("create function test_gated_receipt() returns trigger language plpgsql as "
          + "$$ begin perform pg_advisory_lock(" + gate + "); perform pg_advisory_unlock(" + gate + ");"
          + " return new; end $$");
      st.execute("create trigger test_gated_receipt before insert on erasure_receipts for each row "
          + "when (new.contact_id = '" + id + "') execute function test_gated_receipt()");
      st.execute("select pg_advisory_lock(" + gate + ")");
      try {
        var erasure = java.util.concurrent.CompletableFuture.supplyAsync(() -> call(() -> erase(a, id)));
        awaitWaitingAdvisoryLocks(st, 1); // the erasure waits at the gate, its work uncommitted
        var intake = java.util.concurrent.CompletableFuture.supplyAsync(() -> call(() -> app.postJson(
            contacts(a), new Person("Same", "Email", person.email(), randomPhoneDigits()).json())));
        awaitWaitingAdvisoryLocks(st, 2); // the intake waits for the erasure's suppression entry
        st.execute("select pg_advisory_unlock(" + gate + ")");

        assertThat(erasure.get(30, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        ApiTestSupport.assertProblem(intake.get(30, java.util.concurrent.TimeUnit.SECONDS), 409, "/problems/suppressed");
      } finally {
        st.execute("select pg_advisory_unlock_all()");
        st.execute("drop trigger test_gated_receipt on erasure_receipts");
        st.execute("drop function test_gated_receipt()");
      }
    }
  }

  /** Waits (at most 20 s) until {@code count} sessions wait for an advisory lock. */
  private static void awaitWaitingAdvisoryLocks(Statement st, int count) throws Exception {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    while (true) {
      try (ResultSet rs = st.executeQuery(
          "select count(*) from pg_locks where locktype = 'advisory' and not granted")) {
        rs.next();
        if (rs.getInt(1) >= count) {
          return;
        }
      }
      assertThat(System.nanoTime()).as("%d session(s) waiting for an advisory lock", count).isLessThan(deadline);
      Thread.sleep(10); // polls the condition; no timing is assumed
    }
  }

  private static <T> T call(java.util.concurrent.Callable<T> request) {
    try {
      return request.call();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("SEC-05: the master key is in no table and no log line; suppression hashes are keyed per workspace")
  void masterKeyNeverStoredOrLogged_andHashesAreKeyed() throws Exception {
    String email = "Keyed." + random(10) + "@example.org";
    String normalised = email.toLowerCase(Locale.ROOT);
    Person inA = new Person("Kay", "Dee", email, randomPhoneDigits());
    Person inB = new Person("Kay", "Dee", email, randomPhoneDigits());
    assertThat(erase(a, create(a, inA)).statusCode()).isEqualTo(200);
    assertThat(erase(b, create(b, inB)).statusCode()).isEqualTo(200);

    String hashA = keyedHashOfEmail(a);
    String hashB = keyedHashOfEmail(b);
    String plain = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8)));
    String kinded = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(("email:" + normalised).getBytes(StandardCharsets.UTF_8)));
    assertThat(hashA).isNotEqualTo(hashB).isNotIn(plain, kinded);
    String everything = String.join("\n", everyRowAsText());
    assertThat(everything).doesNotContain(plain, kinded);

    List<String> keyForms = List.of(
        Base64.getEncoder().encodeToString(MASTER_KEY),
        Base64.getUrlEncoder().withoutPadding().encodeToString(MASTER_KEY),
        HexFormat.of().formatHex(MASTER_KEY),
        HexFormat.of().withUpperCase().formatHex(MASTER_KEY),
        new String(MASTER_KEY, StandardCharsets.ISO_8859_1));
    for (String form : keyForms) {
      assertThat(everything).doesNotContain(form);
      assertThat(logs.lines()).noneMatch(line -> line.contains(form));
    }
    if (db.server().serverLog().isPresent()) {
      String serverLog = Files.readString(db.server().serverLog().get(), StandardCharsets.ISO_8859_1);
      keyForms.forEach(form -> assertThat(serverLog).doesNotContain(form));
    }
    assertThat(logs.lines()).noneMatch(line -> line.contains(normalised) || line.contains(inA.phone()));
  }

  /** The one email suppression entry of a workspace that this test erased, read as the superuser. */
  private static String keyedHashOfEmail(String workspace) throws Exception {
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select keyed_hash from suppression_entries where kind = 'email' and tenant_id = '"
            + workspace + "' order by created_at desc limit 1")) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }
}
