package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HTTP end to end for the list exports: a real socket, real PostgreSQL. An export equals its list's
 * walk (rows, order, filters, sort), escapes formula cells, leaves sensitive values out unless
 * asked, holds only its workspace's rows, and refuses bad input naming every parameter.
 */
class ExportApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static TestApp app;
  private static String a;
  private static String b;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.on(db).signIn();
    a = ApiTestSupport.workspace(app);
    b = ApiTestSupport.workspace(app);
    created(app.postJson(path(a, "custom-fields/contact"), "{\"key\":\"tier\",\"type\":\"text\",\"label\":\"Tier\"}"));
    created(app.postJson(path(a, "custom-fields/contact"),
        "{\"key\":\"diagnosis_note\",\"type\":\"text\",\"label\":\"Note\",\"sensitive\":true}"));
    String acme = json(created(app.postJson(path(a, "companies"),
        "{\"name\":\"=1+1 Acme\",\"domain\":\"acme.example.com\"}"))).path("id").asText();
    created(app.postJson(path(a, "custom-fields/company"),
        "{\"key\":\"region\",\"type\":\"text\",\"label\":\"Region\",\"sensitive\":true}"));
    created(app.postJson(path(a, "custom-fields/deal"), "{\"key\":\"source\",\"type\":\"text\",\"label\":\"Source\"}"));
    created(app.postJson(path(a, "companies"), "{\"name\":\"Globex\",\"custom\":{\"region\":\"secret-region\"}}"));
    String[] lastNames = {"Lovelace", "=HYPERLINK(\"x\")", "Babbage", "Hopper", "-Turing"};
    for (int i = 0; i < lastNames.length; i++) {
      String company = i % 2 == 0 ? ",\"companyId\":\"" + acme + "\"" : "";
      created(app.postJson(path(a, "contacts"), "{\"firstName\":\"P" + i + "\",\"lastName\":" + JSON.writeValueAsString(lastNames[i])
          + ",\"email\":\"p" + i + "@example.org\"" + company + ",\"custom\":{\"tier\":\"gold-" + i
          + "\",\"diagnosis_note\":\"secret-" + i + "\"}}"));
    }
    created(app.postJson(path(a, "deals"), "{\"title\":\"=1+1\",\"amount\":{\"amount\":\"100.50\",\"currency\":\"EUR\"}}"));
    created(app.postJson(path(a, "deals"), "{\"title\":\"Fleet\",\"custom\":{\"source\":\"fair\"}}"));
    created(app.postJson(path(b, "contacts"), "{\"firstName\":\"Bea\",\"lastName\":\"B\",\"email\":\"bea@example.org\"}"));
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  static String path(String workspace, String rest) {
    return "/api/v1/workspaces/" + workspace + "/" + rest;
  }

  static HttpResponse<String> created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return response;
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  /** Every item of the list's walk, page by page (2 a page), for {@code query}. */
  static List<JsonNode> walk(String list, String query) throws Exception {
    List<JsonNode> items = new ArrayList<>();
    String next = list + "?limit=2" + query;
    while (next != null) {
      HttpResponse<String> page = app.get(next);
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      json(page).path("items").forEach(items::add);
      String cursor = json(page).path("nextCursor").asText(null);
      next = cursor == null ? null : list + "?limit=2" + query + "&cursor=" + java.net.URLEncoder.encode(cursor,
          java.nio.charset.StandardCharsets.UTF_8);
    }
    return items;
  }

  static List<CsvRecord> csv(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(response.body())) {
      return reader.stream().toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static List<JsonNode> ndjson(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-ndjson");
    List<JsonNode> rows = new ArrayList<>();
    for (String line : response.body().split("\n")) {
      if (!line.isEmpty()) {
        rows.add(JSON.readTree(line));
      }
    }
    assertThat(response.body()).endsWith("\n");
    return rows;
  }

  static List<String> ids(List<JsonNode> items) {
    return items.stream().map(item -> item.path("id").asText()).toList();
  }

  static List<String> csvIds(List<CsvRecord> records) {
    return records.stream().skip(1).map(r -> r.getField(0)).toList();
  }

  @Test
  @DisplayName("DSR-06: each list export, CSV and NDJSON, equals its list walk: the same rows in the same order, filters and sort applied")
  void everyExportEqualsItsListWalk() throws Exception {
    String yesterday = java.time.Instant.now().minus(java.time.Duration.ofDays(1))
        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    for (String list : List.of("contacts", "companies", "deals")) {
      for (String query : List.of("", "&sort=-createdAt", "&createdAt.gte=" + yesterday + "&sort=-createdAt")) {
        List<String> walked = ids(walk(path(a, list), query));
        assertThat(walked).as(list + query).isNotEmpty();
        String export = path(a, list + "/export");
        assertThat(csvIds(csv(app.get(export + "?format=csv" + query)))).as(list + query).isEqualTo(walked);
        assertThat(ids(ndjson(app.get(export + "?format=ndjson" + query)))).as(list + query).isEqualTo(walked);
      }
    }
    List<String> lovelaces = ids(walk(path(a, "contacts"), "&q=Lovelace"));
    assertThat(lovelaces).hasSize(1);
    assertThat(csvIds(csv(app.get(path(a, "contacts/export?format=csv&q=Lovelace"))))).isEqualTo(lovelaces);
    List<String> sorted = ids(walk(path(a, "contacts"), "&sort=lastName"));
    assertThat(ids(ndjson(app.get(path(a, "contacts/export?format=ndjson&sort=lastName"))))).isEqualTo(sorted);
  }

  @Test
  @DisplayName("CRM-01: a contact export has the import's columns; sensitive custom values only with includeSensitive=true")
  void contactColumns_andSensitiveValuesOnlyWhenAsked() throws Exception {
    List<CsvRecord> plain = csv(app.get(path(a, "contacts/export?format=csv")));
    assertThat(plain.get(0).getFields()).containsExactly("id", "email", "firstName", "lastName", "phone", "jobTitle",
        "companyDomain", "createdAt", "updatedAt", "custom.tier");
    assertThat(plain.get(1).getField(1)).isEqualTo("p0@example.org");
    assertThat(plain.get(1).getField(6)).isEqualTo("acme.example.com");
    assertThat(plain.get(1).getField(9)).isEqualTo("gold-0");
    assertThat(plain.stream().flatMap(r -> r.getFields().stream())).noneMatch(cell -> cell.contains("secret"));
    assertThat(app.get(path(a, "contacts/export?format=ndjson")).body()).doesNotContain("secret", "diagnosis_note");

    List<CsvRecord> sensitive = csv(app.get(path(a, "contacts/export?format=csv&includeSensitive=true")));
    assertThat(sensitive.get(0).getFields()).endsWith("custom.tier", "custom.diagnosis_note");
    assertThat(sensitive.get(1).getField(10)).isEqualTo("secret-0");
    JsonNode first = ndjson(app.get(path(a, "contacts/export?format=ndjson&includeSensitive=true"))).get(0);
    assertThat(first.path("custom.diagnosis_note").asText()).isEqualTo("secret-0");
  }

  @Test
  @DisplayName("A CSV cell starting with =, +, -, @, tab or CR gets a leading ' (CSV injection); NDJSON keeps the value")
  void formulaCellsAreEscaped() throws Exception {
    List<CsvRecord> deals = csv(app.get(path(a, "deals/export?format=csv")));
    assertThat(deals.get(0).getFields()).startsWith("id", "title", "amount", "currency");
    assertThat(deals.stream().map(r -> r.getField(1))).contains("'=1+1", "Fleet");
    assertThat(deals.stream().map(r -> r.getField(2))).contains("100.50");
    List<CsvRecord> companies = csv(app.get(path(a, "companies/export?format=csv")));
    assertThat(companies.stream().map(r -> r.getField(1))).contains("'=1+1 Acme", "Globex");
    List<CsvRecord> contacts = csv(app.get(path(a, "contacts/export?format=csv")));
    assertThat(contacts.stream().map(r -> r.getField(3))).contains("'=HYPERLINK(\"x\")", "'-Turing", "Lovelace");
    assertThat(ndjson(app.get(path(a, "deals/export?format=ndjson"))).stream().map(d -> d.path("title").asText()))
        .contains("=1+1");
  }

  @Test
  @DisplayName("TEN-03: B's export never holds A's rows; A's export path through a session of no member of A answers 404")
  void exportsHoldOnlyTheirWorkspacesRows() throws Exception {
    String inA = app.get(path(a, "contacts/export?format=csv&includeSensitive=true")).body();
    String inB = app.get(path(b, "contacts/export?format=csv&includeSensitive=true")).body();
    assertThat(inB).contains("bea@example.org").doesNotContain("p0@example.org", "acme", "gold");
    assertThat(inA).doesNotContain("bea@example.org");
    assertThat(app.get(path(b, "companies/export?format=ndjson")).body()).isEmpty();
    assertThat(app.get(path(b, "deals/export?format=csv")).body().trim().lines()).hasSize(1);

    TestApp.Client outsider = app.newClient().signUpAndSignIn();
    for (String list : List.of("contacts", "companies", "deals")) {
      ApiTestSupport.assertProblem(outsider.get(path(a, list + "/export?format=csv")), 404, "/problems/not-found");
    }
    ApiTestSupport.assertProblem(app.get(path(UUID.randomUUID().toString(), "contacts/export?format=csv")), 404,
        "/problems/not-found");
  }

  @Test
  @DisplayName("Bad export input (no or an unknown format, a limit, a cursor, an unknown filter, a bad includeSensitive) is one 400 naming each")
  void badInputNamesEveryParameter() throws Exception {
    HttpResponse<String> bad = app.get(path(a, "contacts/export?format=xlsx&limit=5&cursor=abc&colour=red&includeSensitive=maybe"));
    ApiTestSupport.assertProblem(bad, 400, "/problems/validation");
    List<String> parameters = new ArrayList<>();
    json(bad).path("errors").forEach(e -> parameters.add(e.path("parameter").asText()));
    assertThat(parameters).contains("format", "limit", "cursor", "colour", "includeSensitive");

    HttpResponse<String> none = app.get(path(a, "deals/export?includeSensitive=yes"));
    ApiTestSupport.assertProblem(none, 400, "/problems/validation");
    List<String> named = new ArrayList<>();
    json(none).path("errors").forEach(e -> named.add(e.path("parameter").asText()));
    assertThat(named).containsExactlyInAnyOrder("format", "includeSensitive");
  }

  /** The entries of a ZIP answer, by name, as text. */
  static java.util.Map<String, String> zip(String workspace, TestApp.Client client) throws Exception {
    HttpResponse<byte[]> response = client.sendBytes(java.net.http.HttpRequest.newBuilder(app.uri(path(workspace, "export"))));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
    java.util.Map<String, String> entries = new java.util.LinkedHashMap<>();
    try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(response.body()))) {
      for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return entries;
  }

  @Test
  @DisplayName("DSR-06: the full export is a ZIP of every kind of record as CSV and NDJSON, audited; TEN-03: only its workspace's rows")
  void fullExport_isAZipOfEveryRecord_audited() throws Exception {
    String contact = walk(path(a, "contacts"), "").get(0).path("id").asText();
    created(app.postJson(path(a, "tasks"), "{\"title\":\"Call back\",\"contactIds\":[\"" + contact + "\"]}"));
    created(app.postJson(path(a, "activities"), "{\"kind\":\"note\",\"subject\":\"Fair\",\"body\":\"Met at the fair\","
        + "\"occurredAt\":\"2026-01-31T12:00:00Z\",\"contactIds\":[\"" + contact + "\"]}"));
    java.util.Map<String, String> entries = zip(a, app.client());
    for (String kind : List.of("custom-fields", "contacts", "companies", "pipelines", "stages", "deals", "activities", "tasks")) {
      assertThat(entries).containsKeys(kind + ".csv", kind + ".ndjson");
    }
    assertThat(entries.get("contacts.csv")).isEqualTo(
        app.get(path(a, "contacts/export?format=csv&includeSensitive=true")).body());
    assertThat(entries.get("deals.ndjson")).isEqualTo(app.get(path(a, "deals/export?format=ndjson")).body())
        .contains("\"custom.source\":\"fair\"");
    assertThat(entries.get("companies.csv")).as("sensitive company values too")
        .isEqualTo(app.get(path(a, "companies/export?format=csv&includeSensitive=true")).body()).contains("secret-region");
    assertThat(app.get(path(a, "companies/export?format=csv")).body()).doesNotContain("secret-region", "custom.region");
    assertThat(entries.get("contacts.ndjson")).contains("secret-0");
    assertThat(entries.get("tasks.csv")).contains("Call back");
    assertThat(entries.get("activities.ndjson")).contains("Met at the fair");
    assertThat(entries.get("custom-fields.csv")).contains("diagnosis_note");
    assertThat(entries.get("stages.csv").lines().count()).isGreaterThan(2);

    JsonNode trail = json(app.get(path(a, "audit?limit=5")));
    assertThat(trail.path("items").get(0).path("action").asText()).isEqualTo("workspace_exported");

    java.util.Map<String, String> ofB = zip(b, app.client());
    assertThat(String.join("", ofB.values())).contains("bea@example.org").doesNotContain("p0@example.org", "Call back",
        "acme", "diagnosis_note", "Fleet");
    TestApp.Client outsider = app.newClient().signUpAndSignIn();
    ApiTestSupport.assertProblem(outsider.get(path(a, "export")), 404, "/problems/not-found");
  }
}
