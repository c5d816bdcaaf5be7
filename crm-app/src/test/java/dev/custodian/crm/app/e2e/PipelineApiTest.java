package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

/**
 * HTTP end to end for pipelines and their stages: a new workspace's "Sales", isolation, every bad
 * input at once, the refusals that change nothing (in use, limits), and a stage change being a
 * change of its pipeline (its ETag and If-Match).
 */
class PipelineApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MERGE_PATCH = "application/merge-patch+json";
  private static final String STAGES = "[{\"name\":\"Lead\",\"kind\":\"open\",\"probability\":20},"
      + "{\"name\":\"Won\",\"kind\":\"won\"},{\"name\":\"Lost\",\"kind\":\"lost\"},"
      + "{\"name\":\"Demo\",\"kind\":\"open\",\"probability\":60}]";

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

  static String pipelines(String workspace) {
    return "/api/v1/workspaces/" + workspace + "/pipelines";
  }

  static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  static HttpResponse<String> create(String workspace, String name) throws Exception {
    return app.postJson(pipelines(workspace), "{\"name\":\"" + name + "\",\"stages\":" + STAGES + "}");
  }

  /** A new pipeline of {@code workspace} (not its default), as its JSON. */
  static JsonNode created(String workspace) throws Exception {
    HttpResponse<String> created = create(workspace, "Pipeline " + unique());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created);
  }

  static String one(String workspace, JsonNode pipeline) {
    return pipelines(workspace) + "/" + pipeline.path("id").asText();
  }

  static String stage(String workspace, JsonNode pipeline, int index) {
    return one(workspace, pipeline) + "/stages/" + pipeline.path("stages").get(index).path("id").asText();
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  static JsonNode sales(String workspace) throws Exception {
    for (JsonNode pipeline : json(app.get(pipelines(workspace))).path("items")) {
      if (pipeline.path("isDefault").asBoolean()) {
        return pipeline;
      }
    }
    throw new AssertionError("no default pipeline");
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

  static HttpResponse<String> patch(String path, String body, String etag) throws Exception {
    return etag == null ? app.json("PATCH", path, MERGE_PATCH, body) : app.json("PATCH", path, MERGE_PATCH, body, "If-Match", etag);
  }

  static HttpResponse<String> addStage(String path, String body, String etag) throws Exception {
    return etag == null ? app.postJson(path + "/stages", body)
        : app.json("POST", path + "/stages", "application/json", body, "If-Match", etag);
  }

  @Test
  void aNewWorkspaceListsSales_withSixStages_asItsDefault() throws Exception {
    String fresh = ApiTestSupport.workspace(app);
    HttpResponse<String> list = app.get(pipelines(fresh));
    assertThat(list.statusCode()).isEqualTo(200);
    JsonNode items = json(list).path("items");
    assertThat(items).hasSize(1);
    JsonNode sales = items.get(0);
    assertThat(sales.path("name").asText()).isEqualTo("Sales");
    assertThat(sales.path("isDefault").asBoolean()).isTrue();
    assertThat(sales.path("workspaceId").asText()).isEqualTo(fresh);
    assertThat(sales.path("version").asLong()).isEqualTo(1);
    List<String> stages = new ArrayList<>();
    sales.path("stages").forEach(s -> stages.add(s.path("name").asText() + " " + s.path("kind").asText() + " "
        + s.path("probability").asInt() + " " + s.path("position").asInt()));
    assertThat(stages).containsExactly("Lead open 10 1", "Qualified open 25 2", "Proposal open 50 3",
        "Negotiation open 75 4", "Won won 100 5", "Lost lost 0 6");
    HttpResponse<String> read = app.get(one(fresh, sales));
    assertThat(read.headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(json(read)).isEqualTo(sales);
  }

  @Test
  void pipelineLifecycle_createReadPatchStagesDelete() throws Exception {
    HttpResponse<String> response = create(a, "  Renewals ");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode pipeline = json(response);
    String one = one(a, pipeline);
    assertThat(response.headers().firstValue("Location")).hasValue(one);
    assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
    List<String> fields = new ArrayList<>();
    pipeline.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("id", "workspaceId", "name", "isDefault", "stages", "createdAt", "updatedAt",
        "version");
    List<String> stageFields = new ArrayList<>();
    pipeline.path("stages").get(0).fieldNames().forEachRemaining(stageFields::add);
    assertThat(stageFields).containsExactly("id", "name", "kind", "probability", "position");
    assertThat(pipeline.path("name").asText()).isEqualTo("Renewals");
    assertThat(pipeline.path("isDefault").asBoolean()).isFalse();
    assertThat(pipeline.path("stages")).extracting(s -> s.path("name").asText())
        .containsExactly("Lead", "Demo", "Won", "Lost");
    assertThat(json(app.get(one))).isEqualTo(pipeline);
    assertThat(app.get(pipelines(a)).body()).contains(pipeline.path("id").asText());

    HttpResponse<String> renamed = patch(one, "{\"name\":\"Renewal deals\"}", "\"1\"");
    assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
    assertThat(renamed.headers().firstValue("ETag")).hasValue("\"2\"");

    HttpResponse<String> added = addStage(one, "{\"name\":\"Contract\",\"probability\":90,\"position\":1}", "\"2\"");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    assertThat(added.headers().firstValue("ETag")).hasValue("\"3\"");
    JsonNode withContract = json(added);
    JsonNode contract = withContract.path("stages").get(0);
    assertThat(contract.path("name").asText()).isEqualTo("Contract");
    assertThat(contract.path("kind").asText()).isEqualTo("open");
    assertThat(added.headers().firstValue("Location")).hasValue(one + "/stages/" + contract.path("id").asText());

    HttpResponse<String> moved = patch(stage(a, withContract, 0), "{\"position\":3,\"probability\":95}", "\"3\"");
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    assertThat(json(moved).path("stages")).extracting(s -> s.path("name").asText() + " " + s.path("position").asInt())
        .containsExactly("Lead 1", "Demo 2", "Contract 3", "Won 4", "Lost 5");

    HttpResponse<String> deleted = app.delete(stage(a, withContract, 0), "If-Match", "\"4\"");
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
    assertThat(deleted.headers().firstValue("ETag")).hasValue("\"5\"");
    assertThat(json(deleted).path("stages")).extracting(s -> s.path("name").asText())
        .containsExactly("Lead", "Demo", "Won", "Lost");
    assertThat(json(app.get(one))).isEqualTo(json(deleted));

    assertProblem(app.delete(one, "If-Match", "\"4\""), 412, "/problems/precondition-failed");
    assertThat(app.delete(one, "If-Match", "\"5\"").statusCode()).isEqualTo(204);
    assertProblem(app.get(one), 404, "/problems/not-found");
    assertProblem(app.delete(one, "If-Match", "\"5\""), 404, "/problems/not-found");
  }

  @Test
  @DisplayName("TEN-01: a pipeline or stage of workspace A read or changed through B's path answers 404 and changes nothing")
  void anotherWorkspacesPipelineIsNotFound() throws Exception {
    JsonNode ofA = created(a);
    String id = ofA.path("id").asText();
    String stageId = ofA.path("stages").get(0).path("id").asText();
    String viaB = pipelines(b) + "/" + id;
    String stageViaB = viaB + "/stages/" + stageId;

    assertProblem(app.get(viaB), 404, "/problems/not-found");
    assertProblem(patch(viaB, "{\"name\":\"Mallory\"}", "\"1\""), 404, "/problems/not-found");
    assertProblem(patch(viaB, "{\"isDefault\":true}", "\"1\""), 404, "/problems/not-found");
    assertProblem(app.delete(viaB, "If-Match", "\"1\""), 404, "/problems/not-found");
    assertProblem(addStage(viaB, "{\"name\":\"Mallory\",\"probability\":5}", "\"1\""), 404, "/problems/not-found");
    assertProblem(patch(stageViaB, "{\"name\":\"Mallory\"}", "\"1\""), 404, "/problems/not-found");
    assertProblem(app.delete(stageViaB, "If-Match", "\"1\""), 404, "/problems/not-found");
    // A's stage through a pipeline of B's own is no stage of it either.
    JsonNode salesOfB = sales(b);
    String stageOfAInB = one(b, salesOfB) + "/stages/" + stageId;
    assertProblem(patch(stageOfAInB, "{\"name\":\"Mallory\"}", "\"1\""), 404, "/problems/not-found");
    assertProblem(app.delete(stageOfAInB, "If-Match", "\"1\""), 404, "/problems/not-found");

    String listOfB = app.get(pipelines(b)).body();
    assertThat(listOfB).doesNotContain(id).doesNotContain(stageId).doesNotContain(a);
    assertThat(json(app.get(one(b, salesOfB)))).isEqualTo(salesOfB);
    HttpResponse<String> viaA = app.get(one(a, ofA));
    assertThat(viaA.statusCode()).isEqualTo(200);
    assertThat(json(viaA)).isEqualTo(ofA);
  }

  @Test
  @DisplayName("TEN-02: raw SQL as crm_app sees only the bound workspace's pipelines and stages, and none with no workspace bound")
  void theApplicationRoleSeesOnlyTheBoundWorkspacesRows() throws Exception {
    created(a);
    created(b);
    for (String table : List.of("pipelines", "pipeline_stages")) {
      for (String workspace : List.of(a, b)) {
        List<UUID> tenants = db.asApp(UUID.fromString(workspace), c -> tenantsOf(c.createStatement(), table));
        assertThat(tenants).as(table).isNotEmpty().containsOnly(UUID.fromString(workspace));
      }
      List<UUID> unbound = db.asApp(null, c -> tenantsOf(c.createStatement(), table));
      assertThat(unbound).as(table).isEmpty();
      List<UUID> ofA = db.asApp(UUID.fromString(a), c -> tenantsOf(c.createStatement(), table));
      assertThat(TestApp.count(db, table)).as("the superuser sees both").isGreaterThan(ofA.size());
    }
    int moved = db.asApp(UUID.fromString(a), c -> c.createStatement().executeUpdate(
        "update pipeline_stages set name = 'Mallory' where tenant_id = '" + b + "'"));
    assertThat(moved).isZero();
  }

  private static List<UUID> tenantsOf(Statement st, String table) throws SQLException {
    List<UUID> tenants = new ArrayList<>();
    try (ResultSet rs = st.executeQuery("select tenant_id from " + table)) {
      while (rs.next()) {
        tenants.add(rs.getObject(1, UUID.class));
      }
    }
    return tenants;
  }

  @Test
  void everyBadInputOfANewPipeline_isNamedAtOnce_andNothingIsStored() throws Exception {
    long pipelinesBefore = TestApp.count(db, "pipelines");
    long stagesBefore = TestApp.count(db, "pipeline_stages");
    StringBuilder stages = new StringBuilder("[{\"name\":\"Won\",\"kind\":\"won\",\"probability\":50},"
        + "{\"name\":\"WON\",\"kind\":\"won\"},{\"name\":\"Lost\",\"kind\":\"lost\",\"probability\":101}");
    for (int i = 3; i < 31; i++) {
      stages.append(",{\"name\":\"Lost ").append(i).append("\",\"kind\":\"lost\"}");
    }
    HttpResponse<String> response = app.postJson(pipelines(a), "{\"name\":\"\",\"stages\":" + stages + "]}");
    assertProblem(response, 400, "/problems/validation");
    assertThat(errorNames(response)).containsExactly("#/name", "#/stages/0/probability", "#/stages/1/name",
        "#/stages/2/probability", "#/stages", "#/stages", "#/stages", "#/stages");
    assertThat(response.body()).contains("must have at most 30 stages", "must have at least one OPEN stage",
        "must have exactly one WON stage (it has 2)", "must be 100 for a WON stage", "must be from 0 to 100");

    HttpResponse<String> missing = app.postJson(pipelines(a), "{}");
    assertThat(errorNames(missing)).containsExactly("#/name", "#/stages");
    HttpResponse<String> kinds = app.postJson(pipelines(a),
        "{\"name\":\"K\",\"stages\":[{\"name\":\"A\",\"kind\":\"maybe\",\"probability\":10},{\"kind\":\"open\"},null]}");
    assertThat(errorNames(kinds)).containsExactly("#/stages/0/kind", "#/stages/1/name", "#/stages/1/probability",
        "#/stages/2");
    HttpResponse<String> shape = app.postJson(pipelines(a),
        "{\"name\":\"S\",\"stages\":[{\"name\":\"A\",\"kind\":\"open\",\"probability\":\"10\"}]}");
    assertProblem(shape, 400, "/problems/validation");
    assertThat(errorNames(shape)).containsExactly("#/stages/0/probability");
    HttpResponse<String> unknown = app.postJson(pipelines(a),
        "{\"name\":\"S\",\"stages\":[{\"name\":\"A\",\"kind\":\"open\",\"probability\":10,\"colour\":\"red\"}]}");
    assertThat(errorNames(unknown)).containsExactly("#/stages/0/colour");
    assertThat(errorNames(app.postJson(pipelines(a), "{\"name\":\"S\",\"isDefault\":\"yes\",\"stages\":[]}")))
        .containsExactly("#/isDefault");

    assertThat(TestApp.count(db, "pipelines")).isEqualTo(pipelinesBefore);
    assertThat(TestApp.count(db, "pipeline_stages")).isEqualTo(stagesBefore);
  }

  @Test
  void badChangesOfPipelinesAndStages_areNamedAtOnce_andChangeNothing() throws Exception {
    JsonNode pipeline = created(a);
    String one = one(a, pipeline);

    HttpResponse<String> rename = patch(one, "{\"name\":null,\"isDefault\":\"yes\",\"stages\":[]}", "\"1\"");
    assertProblem(rename, 400, "/problems/validation");
    assertThat(errorNames(rename)).containsExactlyInAnyOrder("#/stages", "#/name", "#/isDefault");
    assertThat(errorNames(patch(one, "{\"isDefault\":null}", "\"1\""))).containsExactly("#/isDefault");

    HttpResponse<String> add = addStage(one, "{\"name\":\"\",\"kind\":\"won\",\"probability\":101,\"position\":0}", "\"1\"");
    assertThat(errorNames(add)).containsExactly("#/name", "#/kind", "#/probability", "#/position");
    HttpResponse<String> taken = addStage(one, "{\"name\":\"LEAD\",\"probability\":10,\"position\":4}", "\"1\"");
    assertProblem(taken, 400, "/problems/validation");
    assertThat(errorNames(taken)).containsExactly("#/name", "#/position");

    String won = stage(a, pipeline, 2);
    HttpResponse<String> wonChange = patch(won, "{\"name\":\"lost\",\"probability\":50,\"position\":1}", "\"1\"");
    assertProblem(wonChange, 400, "/problems/validation");
    assertThat(errorNames(wonChange)).containsExactly("#/name", "#/probability", "#/position");
    HttpResponse<String> shape = patch(stage(a, pipeline, 0),
        "{\"kind\":\"won\",\"probability\":12.5,\"position\":\"1\",\"name\":null}", "\"1\"");
    assertThat(errorNames(shape)).containsExactlyInAnyOrder("#/kind", "#/probability", "#/position", "#/name");
    assertThat(errorNames(patch(stage(a, pipeline, 0), "{\"position\":3}", "\"1\""))).containsExactly("#/position");

    assertThat(json(app.get(one))).isEqualTo(pipeline);
  }

  @Test
  void eachRefusalOfADeletionThatWouldLeaveThePipelineOrWorkspaceWithout_isInUse_andChangesNothing() throws Exception {
    String ws = ApiTestSupport.workspace(app);
    JsonNode sales = sales(ws);
    for (int index : new int[] {4, 5}) { // WON, LOST
      HttpResponse<String> refused = app.delete(stage(ws, sales, index), "If-Match", "\"1\"");
      assertProblem(refused, 409, "/problems/in-use");
      assertThat(refused.body()).contains(index == 4 ? "WON" : "LOST");
    }
    HttpResponse<String> defaultPipeline = app.delete(one(ws, sales), "If-Match", "\"1\"");
    assertProblem(defaultPipeline, 409, "/problems/in-use");
    assertThat(defaultPipeline.body()).contains("default pipeline");
    assertThat(json(app.get(one(ws, sales)))).isEqualTo(sales);

    long version = 1;
    for (int index = 0; index < 3; index++) {
      HttpResponse<String> deleted = app.delete(stage(ws, sales, index), "If-Match", "\"" + version + "\"");
      assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
      version++;
    }
    JsonNode lastOpenOnly = json(app.get(one(ws, sales)));
    assertThat(lastOpenOnly.path("stages")).extracting(s -> s.path("name").asText())
        .containsExactly("Negotiation", "Won", "Lost");
    HttpResponse<String> lastOpen = app.delete(stage(ws, lastOpenOnly, 0), "If-Match", "\"" + version + "\"");
    assertProblem(lastOpen, 409, "/problems/in-use");
    assertThat(lastOpen.body()).contains("last OPEN stage");
    assertThat(json(app.get(one(ws, sales)))).isEqualTo(lastOpenOnly);
    assertThat(json(app.get(pipelines(ws))).path("items")).hasSize(1);
  }

  @Test
  void makingAnotherPipelineTheDefault_takesTheOldOnesPlace() throws Exception {
    String ws = ApiTestSupport.workspace(app);
    JsonNode sales = sales(ws);
    JsonNode other = created(ws);

    HttpResponse<String> unset = patch(one(ws, sales), "{\"isDefault\":false}", "\"1\"");
    assertProblem(unset, 400, "/problems/validation");
    assertThat(errorNames(unset)).containsExactly("#/isDefault");

    HttpResponse<String> made = patch(one(ws, other), "{\"isDefault\":true}", "\"1\"");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
    assertThat(json(made).path("isDefault").asBoolean()).isTrue();
    HttpResponse<String> oldDefault = app.get(one(ws, sales));
    assertThat(json(oldDefault).path("isDefault").asBoolean()).isFalse();
    assertThat(oldDefault.headers().firstValue("ETag")).hasValue("\"2\"");
    assertThat(app.delete(one(ws, sales), "If-Match", "\"2\"").statusCode()).isEqualTo(204);
    assertProblem(app.delete(one(ws, other), "If-Match", "\"2\""), 409, "/problems/in-use");

    HttpResponse<String> newDefault = app.postJson(pipelines(ws), "{\"name\":\"Newest\",\"isDefault\":true,\"stages\":" + STAGES + "}");
    assertThat(newDefault.statusCode()).as(newDefault.body()).isEqualTo(201);
    assertThat(json(app.get(pipelines(ws))).path("items")).extracting(p -> p.path("name").asText() + " "
        + p.path("isDefault").asBoolean()).containsExactly(other.path("name").asText() + " false", "Newest true");
    assertProblem(create(ws, "NEWEST"), 409, "/problems/duplicate");
  }

  @Test
  void aFiftyFirstPipelineAndAThirtyFirstStage_areLimitReached_andAddNothing() throws Exception {
    String ws = ApiTestSupport.workspace(app);
    for (int i = 1; i < 50; i++) {
      assertThat(create(ws, "Pipeline " + i).statusCode()).isEqualTo(201);
    }
    HttpResponse<String> fiftyFirst = create(ws, "Pipeline 50");
    assertProblem(fiftyFirst, 409, "/problems/limit-reached");
    assertThat(json(app.get(pipelines(ws))).path("items")).hasSize(50);

    JsonNode sales = sales(ws);
    long version = 1;
    for (int i = 6; i < 30; i++) {
      HttpResponse<String> added = addStage(one(ws, sales), "{\"name\":\"Step " + i + "\",\"probability\":50}",
          "\"" + version++ + "\"");
      assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    }
    JsonNode full = json(app.get(one(ws, sales)));
    assertThat(full.path("stages")).hasSize(30);
    HttpResponse<String> thirtyFirst = addStage(one(ws, sales), "{\"name\":\"One too many\",\"probability\":50}",
        "\"" + version + "\"");
    assertProblem(thirtyFirst, 409, "/problems/limit-reached");
    assertThat(json(app.get(one(ws, sales)))).isEqualTo(full);
  }

  @Test
  void everyChangeNeedsTheCurrentIfMatch_missingIs428_staleIs412() throws Exception {
    JsonNode pipeline = created(a);
    String one = one(a, pipeline);
    String stage = stage(a, pipeline, 0);

    assertProblem(patch(one, "{\"name\":\"X\"}", null), 428, "/problems/precondition-required");
    assertProblem(app.delete(one), 428, "/problems/precondition-required");
    assertProblem(addStage(one, "{\"name\":\"X\",\"probability\":1}", null), 428, "/problems/precondition-required");
    assertProblem(patch(stage, "{\"name\":\"X\"}", null), 428, "/problems/precondition-required");
    assertProblem(app.delete(stage), 428, "/problems/precondition-required");

    assertProblem(patch(one, "{\"name\":\"X\"}", "\"2\""), 412, "/problems/precondition-failed");
    assertProblem(app.delete(one, "If-Match", "\"2\""), 412, "/problems/precondition-failed");
    assertProblem(addStage(one, "{\"name\":\"X\",\"probability\":1}", "\"2\""), 412, "/problems/precondition-failed");
    assertProblem(patch(stage, "{\"name\":\"X\"}", "\"2\""), 412, "/problems/precondition-failed");
    assertProblem(app.delete(stage, "If-Match", "\"2\""), 412, "/problems/precondition-failed");

    HttpResponse<String> badHeader = app.delete(stage, "If-Match", "W/\"1\"");
    assertProblem(badHeader, 400, "/problems/validation");
    assertThat(errorNames(badHeader)).containsExactly("@If-Match");
    assertThat(errorNames(app.json("PATCH", "/api/v1/workspaces/nope/pipelines/x/stages/y", MERGE_PATCH,
        "{\"probability\":-1}", "If-Match", "1"))).containsExactly("?workspaceId", "?pipelineId", "?stageId",
        "@If-Match", "#/probability");
    assertThat(json(app.get(one))).isEqualTo(pipeline);
  }

  @Test
  void twoConcurrentStageChangesWithTheSameIfMatch_oneWinsAndTheOtherGets412() throws Exception {
    JsonNode pipeline = created(a);
    String one = one(a, pipeline);
    CyclicBarrier together = new CyclicBarrier(2);
    List<CompletableFuture<HttpResponse<String>>> changes = new ArrayList<>();
    for (String name : List.of("First", "Second")) {
      changes.add(CompletableFuture.supplyAsync(() -> {
        try {
          together.await(10, TimeUnit.SECONDS);
          return addStage(one, "{\"name\":\"" + name + "\",\"probability\":30}", "\"1\"");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    List<HttpResponse<String>> responses = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> change : changes) {
      responses.add(change.get(30, TimeUnit.SECONDS));
    }
    assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 412);
    HttpResponse<String> winner = responses.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow();
    HttpResponse<String> now = app.get(one);
    assertThat(json(now)).isEqualTo(json(winner));
    assertThat(json(now).path("stages")).hasSize(5);
    assertThat(now.headers().firstValue("ETag")).hasValue("\"2\"");
  }

  @Test
  void givenUnknownWorkspace_everyPipelineRouteAnswers404() throws Exception {
    String unknown = pipelines(UUID.randomUUID().toString());
    assertProblem(app.get(unknown), 404, "/problems/not-found");
    assertProblem(app.postJson(unknown, "{\"name\":\"P\",\"stages\":" + STAGES + "}"), 404, "/problems/not-found");
    assertProblem(app.get(unknown + "/" + UUID.randomUUID()), 404, "/problems/not-found");
    assertProblem(addStage(unknown + "/" + UUID.randomUUID(), "{\"name\":\"X\",\"probability\":1}", "\"1\""),
        404, "/problems/not-found");
  }
}
