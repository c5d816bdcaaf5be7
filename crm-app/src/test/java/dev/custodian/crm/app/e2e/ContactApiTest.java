package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HTTP end to end for contacts: isolation, conflicts, optimistic locking, paging, bad input. */
class ContactApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MERGE_PATCH = "application/merge-patch+json";

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static TestApp app;
  private static String a;
  private static String b;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.on(db).signIn();
    a = workspace();
    b = workspace();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  static String workspace() throws Exception {
    return ApiTestSupport.workspace(app);
  }

  static String contacts(String workspace) {
    return "/api/v1/workspaces/" + workspace + "/contacts";
  }

  static String unique() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  static HttpResponse<String> create(String workspace, String email) throws Exception {
    return app.postJson(contacts(workspace),
        "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"" + email + "\",\"phone\":\"+44 20 7946 0958\"}");
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  static void assertProblem(HttpResponse<String> response, int status, String type) throws Exception {
    ApiTestSupport.assertProblem(response, status, type);
  }

  static List<String> errorNames(HttpResponse<String> response) throws Exception {
    List<String> names = new ArrayList<>();
    for (JsonNode e : json(response).path("errors")) {
      names.add(e.has("pointer") ? e.get("pointer").asText()
          : e.has("parameter") ? "?" + e.get("parameter").asText() : "@" + e.get("header").asText());
    }
    return names;
  }

  @Test
  void contactLifecycle_createReadListPatchDelete() throws Exception {
    String email = unique() + "@Example.org";
    HttpResponse<String> created = create(a, "  " + email + " ");
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode body = json(created);
    String id = body.path("id").asText();
    String one = contacts(a) + "/" + id;
    assertThat(created.headers().firstValue("Location")).hasValue(one);
    assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(body.path("email").asText()).isEqualTo(email);
    assertThat(body.path("phone").asText()).isEqualTo("+442079460958");
    assertThat(body.path("workspaceId").asText()).isEqualTo(a);

    HttpResponse<String> read = app.get(one);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(json(read)).isEqualTo(body);

    HttpResponse<String> patched = app.json("PATCH", one, MERGE_PATCH,
        "{\"firstName\":\"Augusta\",\"phone\":null}", "If-Match", "\"1\"");
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    assertThat(patched.headers().firstValue("ETag")).hasValue("\"2\"");
    assertThat(json(patched).path("firstName").asText()).isEqualTo("Augusta");
    assertThat(json(patched).path("lastName").asText()).isEqualTo("Lovelace");
    assertThat(json(patched).has("phone")).isFalse();
    assertThat(json(app.get(one))).isEqualTo(json(patched));

    assertProblem(app.delete(one, "If-Match", "\"1\""), 412, "/problems/precondition-failed");
    assertThat(app.delete(one, "If-Match", "\"2\"").statusCode()).isEqualTo(204);
    assertProblem(app.get(one), 404, "/problems/not-found");
    assertProblem(app.delete(one), 404, "/problems/not-found");
  }

  @Test
  @DisplayName("TEN-01: a contact of workspace A read, patched or deleted through B's path answers 404 and changes nothing")
  void anotherWorkspacesContactIsNotFound() throws Exception {
    JsonNode contact = json(create(a, unique() + "@example.org"));
    String id = contact.path("id").asText();
    String viaB = contacts(b) + "/" + id;

    assertProblem(app.get(viaB), 404, "/problems/not-found");
    assertProblem(app.json("PATCH", viaB, MERGE_PATCH, "{\"firstName\":\"Mallory\"}", "If-Match", "\"1\""),
        404, "/problems/not-found");
    assertProblem(app.delete(viaB), 404, "/problems/not-found");
    assertProblem(app.delete(viaB, "If-Match", "\"1\""), 404, "/problems/not-found");
    assertThat(app.get(contacts(b) + "?limit=200").body()).doesNotContain(id);

    HttpResponse<String> viaA = app.get(contacts(a) + "/" + id);
    assertThat(viaA.statusCode()).isEqualTo(200);
    assertThat(json(viaA)).isEqualTo(contact);
  }

  @Test
  void givenUnknownWorkspace_everyContactRouteAnswers404() throws Exception {
    String unknown = contacts(UUID.randomUUID().toString());
    assertProblem(app.get(unknown), 404, "/problems/not-found");
    assertProblem(app.postJson(unknown, "{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"a@b.org\"}"),
        404, "/problems/not-found");
    assertProblem(app.get(unknown + "/" + UUID.randomUUID()), 404, "/problems/not-found");
    assertProblem(app.delete(unknown + "/" + UUID.randomUUID()), 404, "/problems/not-found");
  }

  @Test
  void duplicateEmailInTheSameWorkspaceIsAConflict_inAnotherWorkspaceItIsFine() throws Exception {
    String email = unique() + "@example.org";
    assertThat(create(a, email).statusCode()).isEqualTo(201);
    long before = TestApp.count(db, "contacts");

    assertProblem(create(a, " " + email.toUpperCase(java.util.Locale.ROOT)), 409, "/problems/duplicate");
    assertThat(TestApp.count(db, "contacts")).isEqualTo(before);
    assertThat(create(b, email).statusCode()).isEqualTo(201);
  }

  @Test
  void twoConcurrentPatchesWithTheSameIfMatch_oneWinsAndTheOtherGets412() throws Exception {
    String one = contacts(a) + "/" + json(create(a, unique() + "@example.org")).path("id").asText();
    CyclicBarrier together = new CyclicBarrier(2);
    List<CompletableFuture<HttpResponse<String>>> patches = new ArrayList<>();
    for (String name : List.of("First", "Second")) {
      patches.add(CompletableFuture.supplyAsync(() -> {
        try {
          together.await(10, TimeUnit.SECONDS);
          return app.json("PATCH", one, "application/json", "{\"firstName\":\"" + name + "\"}", "If-Match", "\"1\"");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    List<HttpResponse<String>> responses = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> patch : patches) {
      responses.add(patch.get(30, TimeUnit.SECONDS));
    }
    assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 412);
    HttpResponse<String> winner = responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
    HttpResponse<String> loser = responses.stream().filter(r -> r.statusCode() == 412).findFirst().orElseThrow();
    assertProblem(loser, 412, "/problems/precondition-failed");
    HttpResponse<String> now = app.get(one);
    assertThat(json(now)).isEqualTo(json(winner));
    assertThat(now.headers().firstValue("ETag")).hasValue("\"2\"");
  }

  @Test
  void patchPreconditions_missingIs428_staleIs412_malformedIs400NamingTheHeader() throws Exception {
    String one = contacts(a) + "/" + json(create(a, unique() + "@example.org")).path("id").asText();
    String patch = "{\"firstName\":\"X\"}";

    assertProblem(app.json("PATCH", one, MERGE_PATCH, patch), 428, "/problems/precondition-required");
    assertProblem(app.json("PATCH", one, MERGE_PATCH, patch, "If-Match", "\"7\""), 412, "/problems/precondition-failed");
    for (String bad : List.of("1", "W/\"1\"", "\"1\", \"2\"", "\"abc\"", "*")) {
      HttpResponse<String> response = app.json("PATCH", one, MERGE_PATCH, patch, "If-Match", bad);
      assertProblem(response, 400, "/problems/validation");
      assertThat(errorNames(response)).as(bad).containsExactly("@If-Match");
    }
    assertProblem(app.delete(one, "If-Match", "nope"), 400, "/problems/validation");
    assertProblem(app.json("PATCH", one, "text/plain", patch, "If-Match", "\"1\""), 415, "/problems/unsupported-media-type");
    assertThat(json(app.get(one)).path("firstName").asText()).isEqualTo("Ada");
  }

  @Test
  void badCreateInput_answers400NamingEveryFieldAndStoresNothing() throws Exception {
    long before = TestApp.count(db, "contacts");

    HttpResponse<String> semantic = app.postJson(contacts(a),
        "{\"firstName\":\"\",\"lastName\":\"" + "x".repeat(101) + "\",\"email\":\"not-an-email\",\"phone\":\"12345\"}");
    assertProblem(semantic, 400, "/problems/validation");
    assertThat(errorNames(semantic)).containsExactly("#/firstName", "#/lastName", "#/email", "#/phone");

    HttpResponse<String> missing = app.postJson(contacts(a), "{}");
    assertProblem(missing, 400, "/problems/validation");
    assertThat(errorNames(missing)).containsExactly("#/firstName", "#/lastName", "#/email");

    HttpResponse<String> unknownField = app.postJson(contacts(a),
        "{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"a@b.org\",\"age\":3}");
    assertProblem(unknownField, 400, "/problems/validation");
    assertThat(errorNames(unknownField)).containsExactly("#/age");

    HttpResponse<String> wrongType = app.postJson(contacts(a),
        "{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":42}");
    assertProblem(wrongType, 400, "/problems/validation");
    assertThat(errorNames(wrongType)).containsExactly("#/email");

    assertProblem(app.postJson(contacts(a), "{\"firstName\":"), 400, "/problems/malformed-json");
    assertThat(TestApp.count(db, "contacts")).isEqualTo(before);
  }

  @Test
  void badPatchInput_answers400NamingEveryFieldAndChangesNothing() throws Exception {
    String one = contacts(a) + "/" + json(create(a, unique() + "@example.org")).path("id").asText();
    JsonNode before = json(app.get(one));

    HttpResponse<String> response = app.json("PATCH", one, MERGE_PATCH,
        "{\"firstName\":null,\"lastName\":\"\",\"email\":\"bad\",\"phone\":\"nope\"}", "If-Match", "\"1\"");
    assertProblem(response, 400, "/problems/validation");
    assertThat(errorNames(response)).containsExactly("#/firstName", "#/lastName", "#/email", "#/phone");

    HttpResponse<String> shape = app.json("PATCH", one, MERGE_PATCH,
        "{\"firstName\":true,\"nickname\":\"x\"}", "If-Match", "\"1\"");
    assertProblem(shape, 400, "/problems/validation");
    assertThat(errorNames(shape)).containsExactlyInAnyOrder("#/firstName", "#/nickname");
    assertProblem(app.json("PATCH", one, MERGE_PATCH, "[1]", "If-Match", "\"1\""), 400, "/problems/validation");
    assertThat(json(app.get(one))).isEqualTo(before);
  }

  @Test
  void badPathHeaderAndBodyTogether_areReportedAtOnce() throws Exception {
    HttpResponse<String> patch = app.json("PATCH", "/api/v1/workspaces/nope/contacts/also-nope", MERGE_PATCH,
        "{\"email\":\"bad\",\"lastName\":null}", "If-Match", "W/\"1\"");
    assertProblem(patch, 400, "/problems/validation");
    assertThat(errorNames(patch)).containsExactly("?workspaceId", "?contactId", "@If-Match", "#/lastName", "#/email");

    HttpResponse<String> create = app.postJson("/api/v1/workspaces/nope/contacts", "{\"firstName\":\"\"}");
    assertThat(errorNames(create)).containsExactly("?workspaceId", "#/firstName", "#/lastName", "#/email");
    assertThat(errorNames(app.delete("/api/v1/workspaces/nope/contacts/x", "If-Match", "1")))
        .containsExactly("?workspaceId", "?contactId", "@If-Match");
    assertThat(errorNames(app.postJson("/api/v1/workspaces/nope/contacts/x/erasure", "")))
        .containsExactly("?workspaceId", "?contactId");
    assertThat(errorNames(app.get("/api/v1/workspaces/nope/contacts?limit=0&cursor=x")))
        .containsExactly("?workspaceId", "?limit", "?cursor");
    assertThat(errorNames(app.get("/api/v1/workspaces/nope/erasures?limit=x")))
        .containsExactly("?workspaceId", "?limit");
  }

  @Test
  void badIdsAndPagingParameters_answer400NamingTheParameter() throws Exception {
    HttpResponse<String> badId = app.get(contacts(a) + "/not-a-uuid");
    assertProblem(badId, 400, "/problems/validation");
    assertThat(errorNames(badId)).containsExactly("?contactId");
    assertThat(errorNames(app.get("/api/v1/workspaces/nope/contacts"))).containsExactly("?workspaceId");

    // ASCII digits only: no sign, no fullwidth or Arabic-Indic digits, no padding
    for (String limit : List.of("0", "201", "abc", "-1", "1.5", "%2B5", "%EF%BC%95", "%D9%A5", "%205")) {
      HttpResponse<String> response = app.get(contacts(a) + "?limit=" + limit);
      assertProblem(response, 400, "/problems/validation");
      assertThat(errorNames(response)).as(limit).containsExactly("?limit");
    }
    HttpResponse<String> both = app.get(contacts(a) + "?limit=abc&cursor=%25%25");
    assertThat(errorNames(both)).containsExactly("?limit", "?cursor");
    for (String cursor : List.of("garbage", "djE6MTox", "dGVzdA", "")) {
      HttpResponse<String> response = app.get(contacts(a) + "?cursor=" + cursor);
      assertProblem(response, 400, "/problems/validation");
      assertThat(errorNames(response)).as(cursor).containsExactly("?cursor");
    }
  }

  @Test
  void listingWalksAllContactsOldestFirst() throws Exception {
    String ws = workspace();
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(json(create(ws, unique() + "@example.org")).path("id").asText());
    }
    List<String> walked = new ArrayList<>();
    String cursor = null;
    do {
      HttpResponse<String> page = app.get(contacts(ws) + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.statusCode()).isEqualTo(200);
      JsonNode body = json(page);
      assertThat(body.path("items").size()).isLessThanOrEqualTo(2);
      body.path("items").forEach(item -> walked.add(item.path("id").asText()));
      cursor = body.hasNonNull("nextCursor") ? body.get("nextCursor").asText() : null;
    } while (cursor != null);
    assertThat(walked).containsExactlyElementsOf(created);
    assertThat(json(app.get(contacts(ws))).path("items").size()).isEqualTo(5);
  }
}
