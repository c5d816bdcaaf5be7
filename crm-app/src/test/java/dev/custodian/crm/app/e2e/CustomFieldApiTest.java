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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HTTP end to end for custom field definitions: each type defined, options kept by key, isolation,
 * every bad input at once, ETag and If-Match, and a definition found only under its object type.
 */
class CustomFieldApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MERGE_PATCH = "application/merge-patch+json";

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

  static String fields(String workspace, String objectType) {
    return "/api/v1/workspaces/" + workspace + "/custom-fields/" + objectType;
  }

  static String unique() {
    return "k" + UUID.randomUUID().toString().substring(0, 8);
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  static JsonNode created(String workspace, String objectType, String body) throws Exception {
    HttpResponse<String> created = app.postJson(fields(workspace, objectType), body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created);
  }

  static JsonNode tier(String workspace) throws Exception {
    return created(workspace, "contact", "{\"key\":\"" + unique() + "\",\"type\":\"single_select\",\"label\":\"Tier\","
        + "\"sensitive\":true,\"options\":[{\"key\":\"gold\",\"label\":\"Gold\"},{\"key\":\"silver\",\"label\":\"Silver\"}]}");
  }

  static String one(String workspace, JsonNode field) {
    return fields(workspace, field.path("objectType").asText()) + "/" + field.path("id").asText();
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
  void everyTypeIsDefined_readAndListedUnderItsObjectType() throws Exception {
    String workspace = ApiTestSupport.workspace(app);
    List<String> types = List.of("text", "number", "decimal", "date", "boolean", "email", "phone", "url", "currency");
    for (String type : types) {
      created(workspace, "deal", "{\"key\":\"f_" + type + "\",\"type\":\"" + type + "\",\"label\":\"F " + type + "\"}");
    }
    JsonNode multi = created(workspace, "deal", "{\"key\":\"tags\",\"type\":\"multi_select\",\"label\":\"Tags\","
        + "\"options\":[{\"key\":\"vip\",\"label\":\"VIP\"}]}");
    HttpResponse<String> list = app.get(fields(workspace, "deal"));
    assertThat(list.statusCode()).isEqualTo(200);
    List<String> listed = new ArrayList<>();
    json(list).path("items").forEach(f -> listed.add(f.path("type").asText()));
    assertThat(listed).containsExactly("text", "number", "decimal", "date", "boolean", "email", "phone", "url",
        "currency", "multi_select");
    assertThat(json(app.get(fields(workspace, "contact"))).path("items")).isEmpty();

    HttpResponse<String> read = app.get(one(workspace, multi));
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(json(read)).isEqualTo(multi);
    assertThat(multi.path("sensitive").asBoolean()).isFalse();
    assertThat(app.get(fields(workspace, "company") + "/" + multi.path("id").asText()).statusCode())
        .as("found only under its own object type").isEqualTo(404);
  }

  @Test
  void optionsAreReplacedByKey_keepingTheirIds_withIfMatch_andAStaleChangeIs412() throws Exception {
    JsonNode field = tier(a);
    String gold = field.path("options").get(0).path("id").asText();
    HttpResponse<String> changed = app.json("PATCH", one(a, field), MERGE_PATCH, "{\"label\":\"Level\",\"sensitive\":false,"
        + "\"options\":[{\"key\":\"bronze\",\"label\":\"Bronze\"},{\"key\":\"gold\",\"label\":\"Golden\"}]}", "If-Match", "\"1\"");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(changed.headers().firstValue("ETag")).hasValue("\"2\"");
    JsonNode body = json(changed);
    assertThat(body.path("label").asText()).isEqualTo("Level");
    assertThat(body.path("key").asText()).isEqualTo(field.path("key").asText());
    assertThat(body.path("options").get(1).path("id").asText()).as("gold keeps its id").isEqualTo(gold);
    assertThat(body.path("options").get(1).path("label").asText()).isEqualTo("Golden");
    assertThat(body.path("options")).hasSize(2);

    HttpResponse<String> stale = app.json("PATCH", one(a, field), MERGE_PATCH, "{\"label\":\"Stale\"}", "If-Match", "\"1\"");
    ApiTestSupport.assertProblem(stale, 412, "/problems/precondition-failed");
    HttpResponse<String> missing = app.json("PATCH", one(a, field), MERGE_PATCH, "{\"label\":\"None\"}");
    assertThat(missing.statusCode()).isEqualTo(428);
    HttpResponse<String> fixed = app.json("PATCH", one(a, field), MERGE_PATCH, "{\"key\":\"other\",\"type\":\"text\"}",
        "If-Match", "\"2\"");
    assertThat(errorNames(fixed)).as("key and type are fixed").containsExactly("#/key", "#/type");
    assertThat(json(app.get(one(a, field))).path("label").asText()).isEqualTo("Level");

    assertThat(app.delete(one(a, field), "If-Match", "\"1\"").statusCode()).isEqualTo(412);
    assertThat(app.delete(one(a, field), "If-Match", "\"2\"").statusCode()).isEqualTo(204);
    assertThat(app.get(one(a, field)).statusCode()).isEqualTo(404);
    assertThat(TestApp.count(db, "custom_field_options where field_id = '" + field.path("id").asText() + "'"))
        .as("its options went with it").isZero();
  }

  @Test
  @DisplayName("TEN-01: a custom field of workspace A read, patched or deleted through B's path answers 404 and changes nothing")
  void anotherWorkspacesDefinitionIsNotFound() throws Exception {
    JsonNode field = tier(a);
    String throughB = fields(b, "contact") + "/" + field.path("id").asText();
    assertThat(app.get(throughB).statusCode()).isEqualTo(404);
    assertThat(app.json("PATCH", throughB, MERGE_PATCH, "{\"label\":\"Mallory\"}", "If-Match", "\"1\"").statusCode())
        .isEqualTo(404);
    assertThat(app.delete(throughB, "If-Match", "\"1\"").statusCode()).isEqualTo(404);
    assertThat(json(app.get(fields(b, "contact"))).path("items").findValuesAsText("id"))
        .doesNotContain(field.path("id").asText());
    assertThat(json(app.get(one(a, field)))).isEqualTo(field);
  }

  @Test
  @DisplayName("TEN-02: raw SQL as crm_app sees only the bound workspace's custom fields and options, and none with no workspace bound")
  void theApplicationRoleSeesOnlyTheBoundWorkspacesRows() throws Exception {
    tier(a);
    tier(b);
    for (String table : List.of("custom_fields", "custom_field_options")) {
      for (String workspace : List.of(a, b)) {
        List<UUID> tenants = db.asApp(UUID.fromString(workspace), c -> tenantsOf(c.createStatement(), table));
        assertThat(tenants).as(table).isNotEmpty().containsOnly(UUID.fromString(workspace));
      }
      List<UUID> unbound = db.asApp(null, c -> tenantsOf(c.createStatement(), table));
      assertThat(unbound).as(table).isEmpty();
    }
    int changed = db.asApp(UUID.fromString(a), c -> c.createStatement().executeUpdate(
        "update custom_field_options set label = 'Mallory' where tenant_id = '" + b + "'"));
    assertThat(changed).isZero();
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
  void everyBadInputOfANewDefinition_isNamedAtOnce_andNothingIsStored() throws Exception {
    long before = TestApp.count(db, "custom_fields");
    HttpResponse<String> bad = app.postJson(fields(a, "contact"), "{\"key\":\"Bad Key\",\"type\":\"colour\",\"label\":\"\"}");
    ApiTestSupport.assertProblem(bad, 400, "/problems/validation");
    assertThat(errorNames(bad)).containsExactly("#/key", "#/type", "#/label");

    HttpResponse<String> options = app.postJson(fields(a, "contact"), "{\"key\":\"tier\",\"type\":\"single_select\","
        + "\"label\":\"Tier\",\"options\":[{\"key\":\"gold\",\"label\":\"Gold\"},{\"key\":\"gold\",\"label\":\"\"}]}");
    assertThat(errorNames(options)).containsExactly("#/options/1/label", "#/options/1/key");
    HttpResponse<String> none = app.postJson(fields(a, "contact"), "{\"key\":\"tier\",\"type\":\"multi_select\",\"label\":\"T\"}");
    assertThat(errorNames(none)).containsExactly("#/options");
    HttpResponse<String> notSelect = app.postJson(fields(a, "contact"), "{\"key\":\"tier\",\"type\":\"text\",\"label\":\"T\","
        + "\"options\":[{\"key\":\"gold\",\"label\":\"Gold\"}]}");
    assertThat(errorNames(notSelect)).containsExactly("#/options");
    HttpResponse<String> badType = app.postJson(fields(a, "person"), "{\"key\":\"x\",\"type\":\"text\",\"label\":\"X\"}");
    assertThat(errorNames(badType)).containsExactly("?objectType");
    assertThat(TestApp.count(db, "custom_fields")).isEqualTo(before);

    String key = unique();
    created(a, "company", "{\"key\":\"" + key + "\",\"type\":\"text\",\"label\":\"Once\"}");
    HttpResponse<String> again = app.postJson(fields(a, "company"), "{\"key\":\"" + key + "\",\"type\":\"number\",\"label\":\"Twice\"}");
    ApiTestSupport.assertProblem(again, 409, "/problems/duplicate");
    created(a, "contact", "{\"key\":\"" + key + "\",\"type\":\"text\",\"label\":\"Another type may\"}");
  }

  @Test
  void anObjectTypeHasAtMost100Fields() throws Exception {
    String workspace = ApiTestSupport.workspace(app);
    for (int i = 0; i < 100; i++) {
      created(workspace, "company", "{\"key\":\"f" + i + "\",\"type\":\"boolean\",\"label\":\"F" + i + "\"}");
    }
    HttpResponse<String> more = app.postJson(fields(workspace, "company"), "{\"key\":\"f100\",\"type\":\"boolean\",\"label\":\"F\"}");
    assertThat(more.statusCode()).as(more.body()).isEqualTo(409);
    created(workspace, "deal", "{\"key\":\"f100\",\"type\":\"boolean\",\"label\":\"F\"}");
  }
}
