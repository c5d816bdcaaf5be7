package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HTTP end to end for custom values on companies and deals, as on contacts: each type written and
 * read back in its JSON form (create, read, list, merge patch with {@code null} clearing a key),
 * every bad field at once with the built-in ones and nothing stored, isolation (TEN-01), and the
 * suppression check of custom EMAIL and PHONE values (DSR-04).
 */
class CompanyDealCustomValueApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MERGE_PATCH = "application/merge-patch+json";
  private static final String ALL_VALUES = "{\"f_text\":\"hello\",\"f_number\":42,\"f_decimal\":\"12.50\","
      + "\"f_date\":\"2026-01-31\",\"f_boolean\":true,\"f_email\":\"billing@example.org\","
      + "\"f_phone\":\"+44 20 7946 0958\",\"f_url\":\"https://example.org/a\","
      + "\"f_currency\":{\"amount\":\"10.00\",\"currency\":\"EUR\"},\"tier\":\"gold\",\"tags\":[\"vip\",\"new\"]}";
  private static final String ALL_VALUES_READ = "{\"f_text\":\"hello\",\"f_number\":42,\"f_decimal\":\"12.5\","
      + "\"f_date\":\"2026-01-31\",\"f_boolean\":true,\"f_email\":\"billing@example.org\","
      + "\"f_phone\":\"+442079460958\",\"f_url\":\"https://example.org/a\","
      + "\"f_currency\":{\"amount\":\"10.00\",\"currency\":\"EUR\"},\"tier\":\"gold\",\"tags\":[\"new\",\"vip\"]}";

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

  private static String path(String workspace, String rest) {
    return "/api/v1/workspaces/" + workspace + "/" + rest;
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private static void field(String workspace, String objectType, String body) throws Exception {
    HttpResponse<String> created = app.postJson(path(workspace, "custom-fields/" + objectType), body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  private static void everyType(String workspace, String objectType) throws Exception {
    for (String type : List.of("text", "number", "decimal", "date", "boolean", "email", "phone", "url", "currency")) {
      field(workspace, objectType, "{\"key\":\"f_" + type + "\",\"type\":\"" + type + "\",\"label\":\"F " + type + "\"}");
    }
    field(workspace, objectType, "{\"key\":\"tier\",\"type\":\"single_select\",\"label\":\"Tier\","
        + "\"options\":[{\"key\":\"gold\",\"label\":\"Gold\"},{\"key\":\"silver\",\"label\":\"Silver\"}]}");
    field(workspace, objectType, "{\"key\":\"tags\",\"type\":\"multi_select\",\"label\":\"Tags\","
        + "\"options\":[{\"key\":\"vip\",\"label\":\"VIP\"},{\"key\":\"new\",\"label\":\"New\"}]}");
  }

  /** A valid body of a record of the collection, with these members added (e.g. {@code ,"custom":{...}}). */
  private static String body(String collection, String more) {
    return (collection.equals("companies") ? "{\"name\":\"Acme " + UUID.randomUUID() + "\"" : "{\"title\":\"Fleet\"")
        + more + "}";
  }

  private static List<String> pointers(HttpResponse<String> response) throws Exception {
    List<String> names = new ArrayList<>();
    json(response).path("errors").forEach(e -> names.add(e.path("pointer").asText()));
    return names;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"companies, company", "deals, deal"})
  void everyTypeIsWrittenAndReadBackInItsJsonForm_andAMergePatchClearsAndChangesKeys(String collection,
      String objectType) throws Exception {
    String ws = ApiTestSupport.workspace(app);
    everyType(ws, objectType);

    HttpResponse<String> created = app.postJson(path(ws, collection), body(collection, ",\"custom\":" + ALL_VALUES));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode expected = JSON.readTree(ALL_VALUES_READ);
    assertThat(json(created).path("custom")).isEqualTo(expected);
    String one = path(ws, collection + "/" + json(created).path("id").asText());
    HttpResponse<String> read = app.get(one);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(json(read)).isEqualTo(json(created));
    assertThat(json(app.get(path(ws, collection))).path("items").get(0).path("custom")).isEqualTo(expected);

    HttpResponse<String> patched = app.json("PATCH", one, MERGE_PATCH,
        "{\"custom\":{\"tier\":null,\"f_number\":-7,\"tags\":[\"vip\"]}}", "If-Match", "\"1\"");
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    assertThat(patched.headers().firstValue("ETag")).as("a changed value is a new version").hasValue("\"2\"");
    JsonNode after = json(patched).path("custom");
    assertThat(after.has("tier")).as("null clears the key").isFalse();
    assertThat(after.path("f_number").asLong()).isEqualTo(-7);
    assertThat(after.path("tags")).isEqualTo(JSON.readTree("[\"vip\"]"));
    assertThat(after.path("f_text").asText()).as("a key left out stays").isEqualTo("hello");
    assertThat(json(app.get(one))).isEqualTo(json(patched));

    HttpResponse<String> same = app.json("PATCH", one, MERGE_PATCH, "{\"custom\":{\"f_text\":\"hello\"}}",
        "If-Match", "\"2\"");
    assertThat(same.statusCode()).as(same.body()).isEqualTo(200);
    assertThat(same.headers().firstValue("ETag")).as("the same value changes nothing").hasValue("\"2\"");

    HttpResponse<String> without = app.postJson(path(ws, collection), body(collection, ""));
    assertThat(json(without).path("custom")).as("a record without values shows {}").isEqualTo(JSON.readTree("{}"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"companies, company", "deals, deal"})
  void anExportedRowHoldsEachValueAsTheRecordsReadGivesIt(String collection, String objectType) throws Exception {
    String ws = ApiTestSupport.workspace(app);
    everyType(ws, objectType);
    String more = ",\"custom\":" + ALL_VALUES;
    if (collection.equals("companies")) {
      more += ",\"domain\":\"acme.example.com\"";
    } else {
      String company = json(app.postJson(path(ws, "companies"), "{\"name\":\"Acme\"}")).path("id").asText();
      List<String> contacts = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        contacts.add("\"" + json(app.postJson(path(ws, "contacts"), "{\"firstName\":\"Ada\",\"lastName\":\"L\","
            + "\"email\":\"ada" + i + "@example.org\"}")).path("id").asText() + "\"");
      }
      more += ",\"amount\":{\"amount\":\"12500.5\",\"currency\":\"EUR\"},\"expectedCloseDate\":\"2026-12-31\","
          + "\"companyId\":\"" + company + "\",\"contactIds\":" + contacts + ",\"stageId\":\"" + wonStage(ws) + "\"";
    }
    HttpResponse<String> created = app.postJson(path(ws, collection), body(collection, more));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode read = json(app.get(path(ws, collection + "/" + json(created).path("id").asText())));

    String export = app.get(path(ws, collection + "/export?format=ndjson")).body();
    JsonNode row = JSON.readTree(export.lines().filter(line -> line.contains(read.path("id").asText())).findFirst()
        .orElseThrow());
    List<String> compared = new ArrayList<>();
    row.fieldNames().forEachRemaining(column -> {
      JsonNode expected = column.startsWith("custom.") ? read.path("custom").path(column.substring("custom.".length()))
          : column.equals("amount") || column.equals("currency") ? read.path("amount").path(column)
          : read.path(column);
      assertThat(row.get(column)).as(column).isEqualTo(expected);
      compared.add(column);
    });
    assertThat(compared).as("every value of the read is exported").hasSize(collection.equals("deals") ? 13 + 11 : 5 + 11);
  }

  /** The default pipeline's WON stage. */
  private static String wonStage(String workspace) throws Exception {
    for (JsonNode pipeline : json(app.get(path(workspace, "pipelines"))).path("items")) {
      for (JsonNode stage : pipeline.path("stages")) {
        if (pipeline.path("isDefault").asBoolean() && stage.path("kind").asText().equals("won")) {
          return stage.path("id").asText();
        }
      }
    }
    throw new AssertionError("no won stage");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"companies, company, name, title", "deals, deal, title, name"})
  void badValuesAreNamedTogetherWithTheBuiltInFields_andNothingIsStored(String collection, String objectType,
      String requiredField, String foreignField) throws Exception {
    String ws = ApiTestSupport.workspace(app);
    everyType(ws, objectType);

    String wrongTypes = "{\"f_text\":1,\"f_number\":\"many\",\"f_decimal\":12.5,\"f_date\":\"31.01.2026\","
        + "\"f_boolean\":\"yes\",\"f_email\":\"nope\",\"f_phone\":\"call me\",\"f_url\":\"ftp://example.org\","
        + "\"f_currency\":{\"amount\":\"ten\",\"currency\":\"EUR\"},\"tier\":\"platinum\",\"tags\":[\"vip\",\"old\"],"
        + "\"unknown\":1}";
    HttpResponse<String> bad = app.postJson(path(ws, collection),
        "{\"" + requiredField + "\":\"\",\"custom\":" + wrongTypes + "}");
    ApiTestSupport.assertProblem(bad, 400, "/problems/validation");
    assertThat(pointers(bad)).containsExactlyInAnyOrder("#/" + requiredField, "#/custom/f_text", "#/custom/f_number",
        "#/custom/f_decimal", "#/custom/f_date", "#/custom/f_boolean", "#/custom/f_email", "#/custom/f_phone",
        "#/custom/f_url", "#/custom/f_currency/amount", "#/custom/tier", "#/custom/tags", "#/custom/unknown");
    assertThat(json(app.get(path(ws, collection))).path("items")).as("nothing stored").isEmpty();

    HttpResponse<String> created = app.postJson(path(ws, collection), body(collection, ",\"custom\":{\"tier\":\"gold\"}"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String one = path(ws, collection + "/" + json(created).path("id").asText());
    HttpResponse<String> badPatch = app.json("PATCH", one, MERGE_PATCH,
        "{\"" + requiredField + "\":\"\",\"custom\":{\"tier\":\"platinum\",\"f_number\":1.5,\"f_text\":\"ok\"}}",
        "If-Match", "\"1\"");
    ApiTestSupport.assertProblem(badPatch, 400, "/problems/validation");
    assertThat(pointers(badPatch)).containsExactlyInAnyOrder("#/" + requiredField, "#/custom/tier", "#/custom/f_number");
    HttpResponse<String> after = app.get(one);
    assertThat(after.headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(json(after).path("custom")).as("nothing stored").isEqualTo(JSON.readTree("{\"tier\":\"gold\"}"));

    HttpResponse<String> notAnObject = app.json("PATCH", one, MERGE_PATCH, "{\"custom\":[1]}", "If-Match", "\"1\"");
    ApiTestSupport.assertProblem(notAnObject, 400, "/problems/validation");
    assertThat(pointers(notAnObject)).containsExactly("#/custom");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"companies, company", "deals, deal"})
  @DisplayName("TEN-01: A's custom field is an unknown key through B's records; B never sees A's values; A's record is a 404 through B")
  void anotherWorkspacesFieldsAndValuesStayItsOwn(String collection, String objectType) throws Exception {
    String a = ApiTestSupport.workspace(app);
    String b = ApiTestSupport.workspace(app);
    field(a, objectType, "{\"key\":\"nick\",\"type\":\"text\",\"label\":\"Nick\"}");
    HttpResponse<String> ofA = app.postJson(path(a, collection), body(collection, ",\"custom\":{\"nick\":\"A's\"}"));
    assertThat(ofA.statusCode()).as(ofA.body()).isEqualTo(201);
    String idOfA = json(ofA).path("id").asText();

    HttpResponse<String> createdInB = app.postJson(path(b, collection), body(collection, ",\"custom\":{\"nick\":\"B's\"}"));
    ApiTestSupport.assertProblem(createdInB, 400, "/problems/validation");
    assertThat(pointers(createdInB)).containsExactly("#/custom/nick");
    HttpResponse<String> ofB = app.postJson(path(b, collection), body(collection, ""));
    String oneOfB = path(b, collection + "/" + json(ofB).path("id").asText());
    HttpResponse<String> patchedInB = app.json("PATCH", oneOfB, MERGE_PATCH, "{\"custom\":{\"nick\":\"B's\"}}",
        "If-Match", "\"1\"");
    ApiTestSupport.assertProblem(patchedInB, 400, "/problems/validation");
    assertThat(pointers(patchedInB)).containsExactly("#/custom/nick");

    ApiTestSupport.assertProblem(app.get(path(b, collection + "/" + idOfA)), 404, "/problems/not-found");
    ApiTestSupport.assertProblem(app.json("PATCH", path(b, collection + "/" + idOfA), MERGE_PATCH,
        "{\"custom\":{\"nick\":null}}", "If-Match", "\"1\""), 404, "/problems/not-found");
    JsonNode listOfB = json(app.get(path(b, collection))).path("items");
    assertThat(listOfB).hasSize(1);
    assertThat(listOfB.toString()).doesNotContain("A's", idOfA);
    assertThat(json(app.get(oneOfB)).path("custom")).isEqualTo(JSON.readTree("{}"));
    assertThat(json(app.get(path(a, collection + "/" + idOfA))).path("custom").path("nick").asText())
        .as("unchanged").isEqualTo("A's");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"companies, company", "deals, deal"})
  @DisplayName("DSR-04: an erased person's email or phone cannot come back as a company's or deal's custom value")
  void anErasedPersonsIdentifiersAreRefusedAsCustomValues(String collection, String objectType) throws Exception {
    String ws = ApiTestSupport.workspace(app);
    field(ws, objectType, "{\"key\":\"contact_email\",\"type\":\"email\",\"label\":\"Email\"}");
    field(ws, objectType, "{\"key\":\"contact_phone\",\"type\":\"phone\",\"label\":\"Phone\"}");
    String email = "gone-" + UUID.randomUUID() + "@example.org";
    HttpResponse<String> person = app.postJson(path(ws, "contacts"), "{\"firstName\":\"Gone\",\"lastName\":\"Person\","
        + "\"email\":\"" + email + "\",\"phone\":\"+15550100000\"}");
    assertThat(person.statusCode()).as(person.body()).isEqualTo(201);
    HttpResponse<String> erased = app.postJson(path(ws, "contacts/" + json(person).path("id").asText() + "/erasure"), "");
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);

    ApiTestSupport.assertProblem(app.postJson(path(ws, collection),
        body(collection, ",\"custom\":{\"contact_email\":\"" + email.toUpperCase(java.util.Locale.ROOT) + "\"}")),
        409, "/problems/suppressed");
    HttpResponse<String> record = app.postJson(path(ws, collection), body(collection, ""));
    String one = path(ws, collection + "/" + json(record).path("id").asText());
    ApiTestSupport.assertProblem(app.json("PATCH", one, MERGE_PATCH,
        "{\"custom\":{\"contact_phone\":\"+1 555 010 0000\"}}", "If-Match", "\"1\""), 409, "/problems/suppressed");
    assertThat(json(app.get(one)).path("custom")).as("nothing stored").isEqualTo(JSON.readTree("{}"));
    assertThat(json(app.get(path(ws, collection))).path("items")).hasSize(1);
  }
}
