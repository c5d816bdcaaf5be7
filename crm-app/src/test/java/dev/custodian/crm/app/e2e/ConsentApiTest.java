package dev.custodian.crm.app.e2e;

import static dev.custodian.crm.app.e2e.ConsentApiFixture.json;
import static dev.custodian.crm.app.e2e.ConsentApiFixture.ws;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HTTP end to end for consent: purposes, the ledger's policies, restriction, isolation between
 * workspaces, bad input, and the ledger after an erasure.
 */
class ConsentApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MERGE_PATCH = "application/merge-patch+json";

  @RegisterExtension static final ConsentApiFixture api = ConsentApiFixture.standard();
  private static final TestDatabase db = api.db();
  private static TestApp app;
  private static String a;
  private static String b;

  @BeforeAll
  static void start() {
    app = api.app();
    a = api.a();
    b = api.b();
  }

  private static void newsletter(String workspace) throws Exception {
    HttpResponse<String> created = app.postJson(ws(workspace) + "/purposes",
        "{\"key\":\"newsletter\",\"name\":\"Newsletter\",\"legalBasis\":\"CONSENT\",\"directMarketing\":true}");
    assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
  }

  private static List<String> pointers(HttpResponse<String> response) throws Exception {
    List<String> pointers = new ArrayList<>();
    json(response).path("errors").forEach(e -> pointers.add(e.path("pointer").asText(e.path("parameter").asText())));
    return pointers;
  }

  @Test
  void aNewWorkspaceHasTheDefaultPurposes_andPurposesAreDeclaredChangedAndRetired() throws Exception {
    HttpResponse<String> listed = app.get(ws(a) + "/purposes");
    assertThat(listed.statusCode()).isEqualTo(200);
    List<String> keys = new ArrayList<>();
    json(listed).path("items").forEach(p -> keys.add(p.path("key").asText()));
    assertThat(keys).contains("service-delivery", "marketing-email", "analytics");

    HttpResponse<String> created = app.postJson(ws(a) + "/purposes", "{\"key\":\"fraud-prevention\",\"name\":"
        + "\"Fraud prevention\",\"legalBasis\":\"LEGITIMATE_INTEREST\",\"basisJustification\":\"Stopping fraud\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
    String one = ws(a) + "/purposes/fraud-prevention";
    assertThat(created.headers().firstValue("Location")).hasValue(one);
    ApiTestSupport.assertProblem(app.postJson(ws(a) + "/purposes", "{\"key\":\"fraud-prevention\",\"name\":\"X\","
        + "\"legalBasis\":\"CONSENT\"}"), 409, "/problems/duplicate");

    HttpResponse<String> fixed = app.json("PATCH", one, MERGE_PATCH,
        "{\"key\":\"other\",\"legalBasis\":\"CONSENT\"}", "If-Match", "\"1\"");
    ApiTestSupport.assertProblem(fixed, 400, "/problems/validation");
    assertThat(pointers(fixed)).containsExactlyInAnyOrder("#/key", "#/legalBasis");
    ApiTestSupport.assertProblem(app.json("PATCH", one, MERGE_PATCH, "{\"name\":\"Fraud\"}"),
        428, "/problems/precondition-required");
    HttpResponse<String> patched = app.json("PATCH", one, MERGE_PATCH, "{\"name\":\"Fraud\"}", "If-Match", "\"1\"");
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    assertThat(json(patched).path("name").asText()).isEqualTo("Fraud");
    assertThat(json(patched).path("legalBasis").asText()).isEqualTo("LEGITIMATE_INTEREST");

    HttpResponse<String> retired = app.postJson(one + "/retire", "");
    assertThat(retired.statusCode()).as(retired.body()).isEqualTo(200);
    assertThat(json(retired).path("retiredAt").asText()).isNotEmpty();
    ApiTestSupport.assertProblem(api.record(a, api.contact(a), "fraud-prevention", "OBJECTED", "API"),
        409, "/problems/invalid-state");
  }

  @Test
  @DisplayName("CON-08: bad purposes and recordings are 400 naming every field at once, storing nothing")
  void badInputNamesEveryField() throws Exception {
    HttpResponse<String> purpose = app.postJson(ws(a) + "/purposes",
        "{\"key\":\"Not A Slug\",\"name\":\"\",\"legalBasis\":\"WHIM\"}");
    ApiTestSupport.assertProblem(purpose, 400, "/problems/validation");
    assertThat(pointers(purpose)).containsExactlyInAnyOrder("#/key", "#/name", "#/legalBasis");
    HttpResponse<String> justification = app.postJson(ws(a) + "/purposes",
        "{\"key\":\"legal\",\"name\":\"Legal\",\"legalBasis\":\"LEGAL_OBLIGATION\"}");
    assertThat(pointers(justification)).containsExactly("#/basisJustification");

    String grace = api.contact(a);
    HttpResponse<String> bad = app.postJson(ws(a) + "/consent/events", "{\"contactId\":\"" + grace
        + "\",\"purpose\":\"Bad Key\",\"kind\":\"LIKED\",\"source\":\"PIGEON\",\"occurredAt\":\"2999-01-01T00:00:00Z\"}");
    ApiTestSupport.assertProblem(bad, 400, "/problems/validation");
    assertThat(pointers(bad)).containsExactlyInAnyOrder("#/purpose", "#/kind", "#/source", "#/occurredAt");
    HttpResponse<String> noNotice = app.postJson(ws(a) + "/consent/events", "{\"contactId\":\"" + grace
        + "\",\"purpose\":\"analytics\",\"kind\":\"GRANTED\",\"source\":\"API\"}");
    assertThat(pointers(noNotice)).containsExactly("#/noticeVersion");
    HttpResponse<String> unknown = api.record(a, grace, "no-such-purpose", "OBJECTED", "API");
    ApiTestSupport.assertProblem(unknown, 400, "/problems/validation");
    assertThat(pointers(unknown)).containsExactly("#/purpose");
    assertThat(json(app.get(ws(a) + "/contacts/" + grace + "/consent/events")).path("items")).isEmpty();
  }

  @Test
  @DisplayName("CON-03: two concurrent withdrawals answer alike and append one entry; then no grant by IMPORT, API, MANUAL or FORM, also for the address re-created after a delete")
  void onlyThePersonUndoesAWithdrawal() throws Exception {
    newsletter(a);
    String email = "linus." + UUID.randomUUID() + "@example.org";
    String linus = api.contact(a, email);
    assertThat(api.record(a, linus, "newsletter", "GRANTED", "FORM").statusCode()).isEqualTo(200);

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Integer> withdraw = () -> api.record(a, linus, "newsletter", "WITHDRAWN", "API").statusCode();
      List<Future<Integer>> answers = pool.invokeAll(List.of(withdraw, withdraw));
      for (Future<Integer> answer : answers) {
        assertThat(answer.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdown();
    }
    JsonNode events = json(app.get(ws(a) + "/contacts/" + linus + "/consent/events")).path("items");
    assertThat(events).hasSize(2);
    assertThat(events.get(1).path("kind").asText()).isEqualTo("WITHDRAWN");
    assertThat(events.get(1).path("ipPrefix").asText()).endsWith("/24");

    for (String source : List.of("IMPORT", "API", "MANUAL", "FORM")) {
      ApiTestSupport.assertProblem(api.record(a, linus, "newsletter", "GRANTED", source), 409, "/problems/consent-required");
    }
    assertThat(app.delete(ws(a) + "/contacts/" + linus).statusCode()).isEqualTo(204);
    String again = api.contact(a, email);
    for (String source : List.of("IMPORT", "API", "MANUAL", "FORM")) {
      ApiTestSupport.assertProblem(api.record(a, again, "newsletter", "GRANTED", source), 409, "/problems/consent-required");
    }
    JsonNode states = json(app.get(ws(a) + "/contacts/" + again + "/consent"));
    assertThat(states.path("items").toString()).contains("\"purpose\":\"newsletter\",\"state\":\"NOT_GIVEN\"");
  }

  @Test
  @DisplayName("SEC-09 on PostgreSQL: consent changes audit in their transaction (no address in the entry); a create that fails after its entry (a key taken) leaves none")
  void consentChangesAuditAndARollbackLeavesNone() throws Exception {
    String c = ApiTestSupport.workspace(app);
    String email = "audited." + UUID.randomUUID() + "@example.org";
    String grace = api.contact(c, email);
    String body = "{\"key\":\"weekly\",\"name\":\"Weekly\",\"legalBasis\":\"CONSENT\"}";
    assertThat(app.postJson(ws(c) + "/purposes", body).statusCode()).isEqualTo(201);
    ApiTestSupport.assertProblem(app.postJson(ws(c) + "/purposes", body), 409, "/problems/duplicate");
    assertThat(api.record(c, grace, "analytics", "OBJECTED", "API").statusCode()).isEqualTo(200);
    assertThat(app.postJson(ws(c) + "/consent/proof", "{\"email\":\"" + email + "\"}").statusCode()).isEqualTo(200);

    String trail = app.get(ws(c) + "/audit?limit=200").body();
    List<String> actions = new ArrayList<>();
    JSON.readTree(trail).path("items").forEach(item -> actions.add(item.path("action").asText()));
    assertThat(actions).containsOnlyOnce("purpose_created").containsOnlyOnce("consent_recorded")
        .containsOnlyOnce("proof_queried");
    assertThat(trail).doesNotContain(email).doesNotContain("audited.");
  }

  /** Every page of {@code path} (a contact list), following nextCursor: the contacts' ids in order. */
  private static List<String> walk(String path) throws Exception {
    List<String> ids = new ArrayList<>();
    String next = path;
    while (next != null) {
      HttpResponse<String> page = app.get(next);
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      json(page).path("items").forEach(item -> ids.add(item.path("id").asText()));
      String cursor = json(page).path("nextCursor").asText(null);
      next = cursor == null ? null : path + "&cursor=" + cursor;
    }
    return ids;
  }

  @Test
  @DisplayName("DSR-07, DSR-08: GET contacts?eligibleFor= pages what the guard allows: no objection, restriction or refused address; an undeclared purpose is a 400")
  void eligibleForPagesWhatTheGuardAllows() throws Exception {
    String c = ApiTestSupport.workspace(app);
    String free = api.contact(c);
    String objecting = api.contact(c);
    String restricted = api.contact(c);
    String reused = "reused." + UUID.randomUUID() + "@example.org";
    String gone = api.contact(c, reused);
    String alsoFree = api.contact(c);
    assertThat(api.record(c, objecting, "analytics", "OBJECTED", "API").statusCode()).isEqualTo(200);
    assertThat(api.record(c, gone, "analytics", "OBJECTED", "API").statusCode()).isEqualTo(200);
    assertThat(app.delete(ws(c) + "/contacts/" + gone).statusCode()).isEqualTo(204);
    String again = api.contact(c, reused); // the address's objection stands for the re-created contact
    assertThat(app.send(java.net.http.HttpRequest.newBuilder(app.uri(ws(c) + "/contacts/" + restricted + "/restriction"))
        .PUT(java.net.http.HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(200);

    assertThat(walk(ws(c) + "/contacts?eligibleFor=analytics&limit=2")).containsExactly(free, alsoFree);
    assertThat(walk(ws(c) + "/contacts?eligibleFor=analytics&limit=2&sort=-createdAt")).containsExactly(alsoFree, free);
    assertThat(walk(ws(c) + "/contacts?limit=2")).contains(objecting, restricted, again);
    assertThat(walk(ws(c) + "/contacts?eligibleFor=marketing-email&limit=2")).isEmpty(); // consent: none granted

    HttpResponse<String> unknown = app.get(ws(c) + "/contacts?eligibleFor=no-such-purpose");
    ApiTestSupport.assertProblem(unknown, 400, "/problems/validation");
    assertThat(unknown.body()).contains("eligibleFor");
    HttpResponse<String> bad = app.get(ws(c) + "/contacts?eligibleFor=Not%20A%20Key&limit=0");
    ApiTestSupport.assertProblem(bad, 400, "/problems/validation");
    assertThat(bad.body()).contains("eligibleFor").contains("limit");
    // TEN-02: another workspace's list never shows c's contacts
    assertThat(walk(ws(b) + "/contacts?eligibleFor=analytics&limit=50")).doesNotContain(free, alsoFree);
  }

  @Test
  @DisplayName("DSR-07: a restricted contact is restricted until lifted; the states show it")
  void restrictionIsSetAndLifted() throws Exception {
    String grace = api.contact(a);
    HttpResponse<String> restricted = app.send(java.net.http.HttpRequest.newBuilder(
        app.uri(ws(a) + "/contacts/" + grace + "/restriction")).PUT(java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertThat(restricted.statusCode()).as(restricted.body()).isEqualTo(200);
    assertThat(json(app.get(ws(a) + "/contacts/" + grace + "/consent")).path("restrictedSince").asText())
        .isNotEmpty();
    assertThat(app.delete(ws(a) + "/contacts/" + grace + "/restriction").statusCode()).isEqualTo(204);
    assertThat(json(app.get(ws(a) + "/contacts/" + grace + "/consent")).has("restrictedSince")).isFalse();
  }

  @Test
  @DisplayName("TEN-01: A's contact, purpose or proof through B's path is a 404 and changes nothing")
  void anotherWorkspacesPathsAreNotFound() throws Exception {
    newsletter(a);
    String email = "ada." + UUID.randomUUID() + "@example.org";
    String ada = api.contact(a, email);
    assertThat(api.record(a, ada, "newsletter", "GRANTED", "FORM").statusCode()).isEqualTo(200);
    app.postJson(ws(a) + "/purposes", "{\"key\":\"only-in-a\",\"name\":\"A\",\"legalBasis\":\"CONSENT\"}");

    ApiTestSupport.assertProblem(app.get(ws(b) + "/contacts/" + ada + "/consent"), 404, "/problems/not-found");
    ApiTestSupport.assertProblem(app.get(ws(b) + "/contacts/" + ada + "/consent/events"), 404, "/problems/not-found");
    ApiTestSupport.assertProblem(api.record(b, ada, "analytics", "OBJECTED", "API"), 404, "/problems/not-found");
    ApiTestSupport.assertProblem(app.get(ws(b) + "/purposes/only-in-a"), 404, "/problems/not-found");
    ApiTestSupport.assertProblem(app.delete(ws(b) + "/contacts/" + ada + "/restriction"), 404, "/problems/not-found");
    HttpResponse<String> proofInB = app.postJson(ws(b) + "/consent/proof", "{\"email\":\"" + email + "\"}");
    assertThat(proofInB.statusCode()).isEqualTo(200);
    assertThat(json(proofInB).path("items")).isEmpty();
    List<String> keysInB = new ArrayList<>();
    json(app.get(ws(b) + "/purposes")).path("items").forEach(p -> keysInB.add(p.path("key").asText()));
    assertThat(keysInB).doesNotContain("only-in-a");
    assertThat(json(app.get(ws(a) + "/contacts/" + ada + "/consent/events")).path("items")).hasSize(1);
  }

  @Test
  @DisplayName("CON-04: after erasure as many entries remain, naming no one; proof by the erased email finds them, another none")
  void theLedgerOutlivesErasureNamingNoOne() throws Exception {
    newsletter(a);
    String email = "Erin." + UUID.randomUUID() + "@Example.org";
    String erin = api.contact(a, email);
    assertThat(api.record(a, erin, "newsletter", "GRANTED", "FORM").statusCode()).isEqualTo(200);
    assertThat(api.record(a, erin, "analytics", "OBJECTED", "MANUAL").statusCode()).isEqualTo(200);
    long before = TestApp.count(db, "consent_events");

    HttpResponse<String> receipt = app.postJson(ws(a) + "/contacts/" + erin + "/erasure", "");
    assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(200);
    assertThat(json(receipt).path("recordsRemoved").path("consent").asInt()).isEqualTo(1);

    assertThat(TestApp.count(db, "consent_events")).isEqualTo(before);
    String consentRows = String.join("\n", TestApp.everyRowAsText(db, "consent_events").stream()
        .filter(row -> row.startsWith("consent_") || row.startsWith("processing_restrictions")).toList());
    assertThat(consentRows).doesNotContain(erin, "Grace", "Hopper", email, email.toLowerCase(java.util.Locale.ROOT));
    HttpResponse<String> proof = app.postJson(ws(a) + "/consent/proof", "{\"email\":\"" + email + "\"}");
    assertThat(proof.statusCode()).as(proof.body()).isEqualTo(200);
    assertThat(json(proof).path("items")).hasSize(2);
    assertThat(proof.body()).doesNotContain(erin, email);
    assertThat(json(app.postJson(ws(a) + "/consent/proof", "{\"email\":\"someone.else@example.org\"}"))
        .path("items")).isEmpty();
  }
}
