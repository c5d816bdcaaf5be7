package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.app.SuiteLanes;
import dev.custodian.crm.persistence.testing.LogCapture;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * HTTP end to end: the started application over a real socket, one test per problem type and per
 * bad input of {@code POST /api/v1/workspaces}, each proving that nothing was stored.
 */
@ResourceLock(SuiteLanes.SHARED_OBSERVERS) // it watches every log line
class WorkspaceApiTest {

  private static final String WORKSPACES = "/api/v1/workspaces";
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final ObjectMapper JSON = new ObjectMapper();

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

  // ---- probes ----

  @Test
  void health_answersUp() throws Exception {
    HttpResponse<String> response = app.get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("status").asText()).isEqualTo("UP");
  }

  @Test
  void givenMigratedDatabase_ready_answersUp() throws Exception {
    HttpResponse<String> response = app.get("/ready");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("status").asText()).isEqualTo("UP");
  }

  // ---- happy path ----

  @Test
  void givenValidWorkspace_whenCreatedThenRead_thenBothAnswerTheSameWorkspace() throws Exception {
    HttpResponse<String> created = app.postJson(WORKSPACES, "{\"name\":\"Acme Ltd\",\"slug\":\"acme-happy\"}");

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode body = json(created);
    String id = body.path("id").asText();
    assertThat(UUID.fromString(id)).isNotNull();
    assertThat(created.headers().firstValue("Location")).hasValue(WORKSPACES + "/" + id);
    assertThat(body.path("name").asText()).isEqualTo("Acme Ltd");
    assertThat(body.path("slug").asText()).isEqualTo("acme-happy");
    assertThat(body.path("status").asText()).isEqualTo("active");
    assertThat(body.has("cancelledAt")).isFalse();
    assertThat(body.path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

    HttpResponse<String> read = app.get(WORKSPACES + "/" + id);

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(json(read)).isEqualTo(body);
  }

  @Test
  void theCreatorIsItsOwner_andTheListHoldsTheCallersWorkspacesOnly_pagedInTheOrderJoined() throws Exception {
    TestApp.Client creator = app.newClient().signUpAndSignIn();
    TestApp.Client other = app.newClient().signUpAndSignIn();
    List<String> created = new java.util.ArrayList<>();
    for (String name : List.of("First of three", "Second of three", "Third of three")) {
      HttpResponse<String> response = creator.postJson("/api/v1/workspaces", "{\"name\":\"" + name + "\"}");
      assertThat(response.statusCode()).isEqualTo(201);
      created.add(JSON.readTree(response.body()).path("id").asText());
    }
    other.postJson("/api/v1/workspaces", "{\"name\":\"Not the creator's\"}");

    List<String> listed = new java.util.ArrayList<>();
    String path = "/api/v1/workspaces?limit=2";
    while (path != null) {
      JsonNode page = JSON.readTree(creator.get(path).body());
      for (JsonNode item : page.path("items")) {
        assertThat(item.path("role").asText()).isEqualTo("owner");
        assertThat(item.path("name").asText()).endsWith("of three");
        listed.add(item.path("id").asText());
      }
      path = page.hasNonNull("nextCursor") ? "/api/v1/workspaces?limit=2&cursor=" + page.path("nextCursor").asText() : null;
    }
    assertThat(listed).containsExactlyElementsOf(created);
    assertThat(other.get("/api/v1/workspaces/" + created.get(0)).statusCode()).as("a non-member").isEqualTo(404);
  }

  @Test
  void givenNoSlug_whenCreated_thenSlugIsDerivedFromTheName() throws Exception {
    HttpResponse<String> created = app.postJson(WORKSPACES, "{\"name\":\"Zebra Works\"}");

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(json(created).path("slug").asText()).startsWith("zebra-works");
  }

  // ---- bad input: 4xx problem+json naming the field, nothing stored ----

  @Test
  void givenMissingName_whenCreating_thenValidationProblemNamesName() throws Exception {
    assertRejectedAndNothingStored("{\"slug\":\"no-name\"}", 400, "/problems/validation", "#/name");
  }

  @Test
  void givenNumberAsName_whenCreating_thenValidationProblemNamesName() throws Exception {
    JsonNode problem = assertRejectedAndNothingStored("{\"name\":42}", 400, "/problems/validation", "#/name");
    assertThat(problem.path("errors").get(0).path("detail").asText()).isEqualTo("must be a string");
  }

  @Test
  void givenBooleanAsName_whenCreating_thenValidationProblemNamesName() throws Exception {
    assertRejectedAndNothingStored("{\"name\":true}", 400, "/problems/validation", "#/name");
  }

  @Test
  void givenUnknownField_whenCreating_thenValidationProblemNamesTheField() throws Exception {
    JsonNode problem = assertRejectedAndNothingStored(
        "{\"name\":\"Acme\",\"owner\":\"x\"}", 400, "/problems/validation", "#/owner");
    assertThat(problem.path("errors").get(0).path("detail").asText()).isEqualTo("is not a known field");
  }

  @Test
  void givenEveryFieldInvalid_whenCreating_thenEveryFieldIsNamedAtOnce() throws Exception {
    JsonNode problem = assertRejectedAndNothingStored(
        "{\"name\":\"  \",\"slug\":\"X\"}", 400, "/problems/validation", "#/name");
    assertThat(problem.path("errors").findValuesAsText("pointer")).containsExactly("#/name", "#/slug");
  }

  @Test
  void givenInvalidJson_whenCreating_thenMalformedJsonProblem() throws Exception {
    assertRejectedAndNothingStored("{\"name\": \"Acme\"", 400, "/problems/malformed-json", null);
  }

  @Test
  void givenEmptyOrNullBody_whenCreating_thenProblemNotServerError() throws Exception {
    assertRejectedAndNothingStored("", 400, "/problems/malformed-json", null);
    assertRejectedAndNothingStored("null", 400, "/problems/validation", "#");
    assertRejectedAndNothingStored("[]", 400, "/problems/validation", "#");
  }

  @Test
  void givenTenMegabyteBody_whenCreating_thenPayloadTooLargeOrClosedConnection() throws Exception {
    long before = TestApp.count(db, "workspaces");
    String huge = "{\"name\":\"" + "a".repeat(10 * 1024 * 1024) + "\"}";
    try {
      HttpResponse<String> response = app.postJson(WORKSPACES, huge);
      assertProblem(response, 413, "/problems/payload-too-large");
    } catch (IOException closedByServer) {
      // acceptable: the server may close the connection before reading the whole body
    }
    assertThat(TestApp.count(db, "workspaces")).isEqualTo(before);
    assertThat(app.get("/health").statusCode()).as("the server survives").isEqualTo(200);
  }

  @Test
  void givenTextBody_whenCreating_thenUnsupportedMediaType() throws Exception {
    long before = TestApp.count(db, "workspaces");
    HttpResponse<String> response = app.post(WORKSPACES, "text/plain", "{\"name\":\"Acme\"}");

    assertProblem(response, 415, "/problems/unsupported-media-type");
    assertThat(TestApp.count(db, "workspaces")).isEqualTo(before);
  }

  @Test
  void givenTakenSlug_whenCreating_thenDuplicateProblem() throws Exception {
    assertThat(app.postJson(WORKSPACES, "{\"name\":\"First\",\"slug\":\"taken-slug\"}").statusCode())
        .isEqualTo(201);
    long before = TestApp.count(db, "workspaces");

    HttpResponse<String> response = app.postJson(WORKSPACES, "{\"name\":\"Second\",\"slug\":\"taken-slug\"}");

    assertProblem(response, 409, "/problems/duplicate");
    assertThat(TestApp.count(db, "workspaces")).isEqualTo(before);
  }

  // ---- reading and routing ----

  @Test
  void givenUnknownWorkspace_whenRead_thenNotFoundProblem() throws Exception {
    assertProblem(app.get(WORKSPACES + "/" + UUID.randomUUID()), 404, "/problems/not-found");
  }

  @Test
  void givenNonUuidWorkspaceId_whenRead_thenValidationProblemNamesTheParameter() throws Exception {
    HttpResponse<String> response = app.get(WORKSPACES + "/not-a-uuid");

    JsonNode problem = assertProblem(response, 400, "/problems/validation");
    assertThat(problem.path("errors").get(0).path("parameter").asText()).isEqualTo("workspaceId");
    assertThat(problem.path("errors").get(0).has("pointer")).isFalse();
  }

  @Test
  void givenUnknownRoute_thenNotFoundProblem() throws Exception {
    assertProblem(app.get("/api/v1/nothing-here"), 404, "/problems/not-found");
  }

  @Test
  void givenWrongMethod_thenMethodNotAllowedProblemWithAllowHeader() throws Exception {
    HttpResponse<String> response = app.send(
        HttpRequest.newBuilder(app.uri(WORKSPACES)).DELETE());

    assertProblem(response, 405, "/problems/method-not-allowed");
    assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(
        allow -> assertThat(allow).contains("POST"));
  }

  // ---- no personal data in logs ----

  @Test
  void givenMarkerInRejectedRequests_thenNoLogLineHoldsIt() throws Exception {
    String marker = "mk" + UUID.randomUUID().toString().replace("-", "");
    assertThat(app.postJson(WORKSPACES, "{\"name\":\"Taken\",\"slug\":\"marker-slug\"}").statusCode())
        .isEqualTo(201);
    try (LogCapture logs = new LogCapture()) {
      HttpResponse<String> unknownField =
          app.postJson(WORKSPACES, "{\"name\":\"Acme\",\"" + marker + "\":\"" + marker + "\"}");
      HttpResponse<String> duplicate =
          app.postJson(WORKSPACES, "{\"name\":\"" + marker + "\",\"slug\":\"marker-slug\"}");
      HttpResponse<String> wrongType = app.postJson(WORKSPACES, "{\"name\":[\"" + marker + "\"]}");
      HttpResponse<String> badJson = app.postJson(WORKSPACES, "{\"name\":\"" + marker + "\"");
      HttpResponse<String> badId = app.get(WORKSPACES + "/" + marker);

      assertProblem(unknownField, 400, "/problems/validation");
      assertProblem(duplicate, 409, "/problems/duplicate");
      assertProblem(wrongType, 400, "/problems/validation");
      assertProblem(badJson, 400, "/problems/malformed-json");
      assertProblem(badId, 400, "/problems/validation");
      // Values are never echoed (the unknown field's own name is, as its pointer).
      assertThat(duplicate.body()).doesNotContain(marker);
      assertThat(wrongType.body()).doesNotContain(marker);
      assertThat(badJson.body()).doesNotContain(marker);
      assertThat(badId.body()).doesNotContain(marker);
      assertThat(logs.lines()).isNotNull().noneMatch(line -> line.contains(marker));
    }
  }

  // ---- helpers ----

  /** Posts {@code body}, expects the problem, and checks that no workspace was stored. */
  private static JsonNode assertRejectedAndNothingStored(
      String body, int status, String type, String pointer) throws Exception {
    long before = TestApp.count(db, "workspaces");
    HttpResponse<String> response = app.postJson(WORKSPACES, body);

    JsonNode problem = assertProblem(response, status, type);
    if (pointer != null) {
      assertThat(problem.path("errors").findValuesAsText("pointer")).contains(pointer);
    }
    assertThat(TestApp.count(db, "workspaces")).as("nothing stored").isEqualTo(before);
    return problem;
  }

  /** An RFC 9457 answer of the given status and type, without a stack trace. */
  static JsonNode assertProblem(HttpResponse<String> response, int status, String type)
      throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
    JsonNode problem = json(response);
    assertThat(problem.path("type").asText()).isEqualTo(type);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("title").asText()).isNotBlank();
    assertThat(problem.path("detail").asText()).isNotBlank();
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(".java:");
    return problem;
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }
}
