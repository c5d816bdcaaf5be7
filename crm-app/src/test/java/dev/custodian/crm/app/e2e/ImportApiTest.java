package dev.custodian.crm.app.e2e;

import static dev.custodian.crm.app.e2e.ApiTestSupport.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.app.AppConfig;
import dev.custodian.crm.http.common.SessionCookie;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Imports over a real socket on real PostgreSQL, with the server's own workers (issue 27). */
class ImportApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The largest upload this server takes (CRM_IMPORT_MAX_BYTES), small enough to pass in a test. */
  private static final long MAX_BYTES = 3_000_000;

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> env = TestApp.environmentFor(db);
    env.put(AppConfig.IMPORT_POLL_INTERVAL, "PT0.05S");
    env.put(AppConfig.IMPORT_MAX_BYTES, String.valueOf(MAX_BYTES));
    app = TestApp.start(env).signIn();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  static HttpResponse<String> upload(String workspace, String query, String csv) throws Exception {
    return app.post("/api/v1/workspaces/" + workspace + "/imports?" + query, "text/csv", csv);
  }

  /** Uploads and waits until the job is finished; its last state. */
  static JsonNode imported(String workspace, String query, String csv) throws Exception {
    HttpResponse<String> started = upload(workspace, query, csv);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    assertThat(started.headers().firstValue("Location")).isPresent();
    return awaitFinished(workspace, JSON.readTree(started.body()).path("id").asText());
  }

  static JsonNode awaitFinished(String workspace, String job) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (true) {
      HttpResponse<String> read = app.get("/api/v1/workspaces/" + workspace + "/imports/" + job);
      assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
      JsonNode state = JSON.readTree(read.body());
      if (List.of("completed", "failed", "cancelled").contains(state.path("state").asText())) {
        return state;
      }
      assertThat(System.nanoTime()).as("the import finishes").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /** Each contact of the workspace as "email|firstName|lastName|jobTitle|phone", sorted. */
  static List<String> contacts(String workspace) throws Exception {
    List<String> all = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = JSON.readTree(app.get("/api/v1/workspaces/" + workspace + "/contacts?limit=200"
          + (cursor == null ? "" : "&cursor=" + cursor)).body());
      page.path("items").forEach(c -> all.add(c.path("email").asText() + "|" + c.path("firstName").asText() + "|"
          + c.path("lastName").asText() + "|" + c.path("jobTitle").asText("") + "|" + c.path("phone").asText("")));
      cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
    } while (cursor != null);
    all.sort(null);
    return all;
  }

  static long countAsApp(String workspace, String sql) throws Exception {
    return countAsApp(db, workspace, sql);
  }

  /** A count by raw SQL as crm_app, in a transaction bound to {@code workspace} (row-level security on its own). */
  static long countAsApp(TestDatabase db, String workspace, String sql) throws Exception {
    return db.asApp(UUID.fromString(workspace), c -> {
      try (PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  @Test
  @DisplayName("BOM or none, CRLF or LF, quoted commas, quotes, line breaks, 'First name' headers or columns: the same records")
  void everyDialectGivesTheSameRecords() throws Exception {
    String plain = "firstName,lastName,email,jobTitle\n"
        + "Ada,Lovelace,ada@example.org,\"Analyst, Engines\"\n"
        + "Grace,\"Hop\"\"per\",grace@example.org,\n";
    String windows = "\uFEFFFirst name,last_name,E-Mail,Job Title\r\n"
        + "Ada,Lovelace,ada@example.org,\"Analyst, Engines\"\r\n"
        + "\r\n"
        + "Grace,\"Hop\"\"per\",grace@example.org,\r\n";
    String mapped = "given,family,mail,title,notes\n"
        + "Ada,Lovelace,ada@example.org,\"Analyst, Engines\",\"two\nlines, \"\"quoted\"\"\"\n"
        + "Grace,\"Hop\"\"per\",grace@example.org,,\"\r\n\"";
    List<String> expected = List.of("ada@example.org|Ada|Lovelace|Analyst, Engines|",
        "grace@example.org|Grace|Hop\"per||");
    for (String[] file : List.of(new String[] {"object=contacts", plain}, new String[] {"object=contacts", windows},
        new String[] {"object=contacts&columns=firstName,lastName,email,jobTitle,", mapped})) {
      String workspace = ApiTestSupport.workspace(app);
      JsonNode job = imported(workspace, file[0], file[1]);
      assertThat(job.path("state").asText()).isEqualTo("completed");
      assertThat(job.path("rowsRead").asLong()).isEqualTo(2);
      assertThat(job.path("created").asLong()).as(job.toString()).isEqualTo(2);
      assertThat(contacts(workspace)).as(file[0]).isEqualTo(expected);
    }
  }

  @Test
  @DisplayName("An unclosed quote at line 7,001: a 400 naming it; nothing staged or created")
  void anUnclosedQuoteIsRefusedNamingItsLine() throws Exception {
    String workspace = ApiTestSupport.workspace(app);
    StringBuilder csv = new StringBuilder("email,firstName,lastName,jobTitle\n");
    for (int line = 2; line <= 10_000; line++) {
      csv.append("p").append(line).append("@example.org,P,").append(line).append(line == 7001 ? ",\"Open\n" : ",\n");
    }
    HttpResponse<String> refused = upload(workspace, "object=contacts", csv.toString());
    assertProblem(refused, 400, "/problems/validation");
    assertThat(JSON.readTree(refused.body()).path("errors").get(0).path("pointer").asText()).isEqualTo("#/line/7001");
    assertThat(countAsApp(workspace, "select count(*) from import_jobs")).isZero();
    assertThat(countAsApp(workspace, "select count(*) from import_rows")).isZero();
    assertThat(countAsApp(workspace, "select count(*) from contacts")).isZero();

    // bytes that are not UTF-8 (never replaced): a 400 naming their line
    byte[] latin1 = "email,firstName,lastName\nzoe@example.org,Zo\u00eb,Z\n".getBytes(StandardCharsets.ISO_8859_1);
    HttpResponse<String> notUtf8 = app.send(HttpRequest.newBuilder(app.uri("/api/v1/workspaces/" + workspace
        + "/imports?object=contacts")).header("Content-Type", "text/csv; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofByteArray(latin1)));
    assertProblem(notUtf8, 400, "/problems/validation");
    assertThat(JSON.readTree(notUtf8.body()).path("errors").get(0).path("pointer").asText()).isEqualTo("#/line/2");
    assertThat(countAsApp(workspace, "select count(*) from import_jobs")).isZero();
  }

  @Test
  @DisplayName("Each mode's exact counts for stored and in-file duplicates sum to rows read; the error report holds no value")
  void everyModeCountsExactly() throws Exception {
    String file = "firstName,lastName,email,jobTitle\n"
        + "Augusta,,ADA@example.org,Countess\n"  // stored: a duplicate
        + "Bob,Builder,bob@example.org,\n"        // new
        + "Robert,,  BOB@example.org ,Mason\n"    // earlier in the file: a duplicate
        + "Carol,Danvers,carol@example.org,\n"    // new
        + "Secret,Value,not-an-email-XYZZY,\n"    // invalid
        + ",,dave@example.org,\n";                // new, but without its names
    Map<String, long[]> expected = Map.of( // created, updated, skipped, failed
        "skip", new long[] {2, 0, 2, 2},
        "update", new long[] {2, 2, 0, 2},
        "fail", new long[] {2, 0, 0, 4});
    for (Map.Entry<String, long[]> mode : new TreeMap<>(expected).entrySet()) {
      String workspace = ApiTestSupport.workspace(app);
      ApiTestSupport.ada(app, workspace);
      JsonNode job = imported(workspace, "object=contacts&onDuplicate=" + mode.getKey(), file);
      long[] counts = {job.path("created").asLong(), job.path("updated").asLong(), job.path("skipped").asLong(),
          job.path("failed").asLong()};
      assertThat(counts).as(mode.getKey() + ": " + job).containsExactly(mode.getValue());
      assertThat(job.path("rowsRead").asLong()).isEqualTo(6).isEqualTo(Arrays.stream(counts).sum());
      assertThat(job.path("onDuplicate").asText()).isEqualTo(mode.getKey());
      if (mode.getKey().equals("update")) {
        assertThat(contacts(workspace)).contains("ada@example.org|Augusta|Lovelace|Countess|",
            "bob@example.org|Robert|Builder|Mason|");
      }
      HttpResponse<String> errors = app.get("/api/v1/workspaces/" + workspace + "/imports/" + job.path("id").asText()
          + "/errors");
      assertThat(errors.statusCode()).isEqualTo(200);
      assertThat(errors.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
      assertThat(errors.body()).startsWith("line,field,error\r\n")
          .contains("6,email,must be a valid email address", "7,firstName,is required", "7,lastName,is required")
          .doesNotContain("XYZZY", "Secret", "dave");
      if (mode.getKey().equals("fail")) {
        assertThat(errors.body()).contains("2,email,duplicate", "4,email,duplicate");
      }
    }
  }

  @Test
  @DisplayName("Companies import by name and domain; a domain stored or earlier in the file is the duplicate")
  void companiesImportByDomain() throws Exception {
    String workspace = ApiTestSupport.workspace(app);
    JsonNode job = imported(workspace, "object=companies",
        "Company name,Domain\nAcme,acme.example.com\nAcme again,ACME.example.com\nInitech,\n,none.example.com\n");
    assertThat(job.path("created").asLong()).isEqualTo(2);
    assertThat(job.path("skipped").asLong()).isEqualTo(1);
    assertThat(job.path("failed").asLong()).isEqualTo(1);
  }

  @Test
  @DisplayName("DSR-04: in a 10,000-row file, an erased person's email (other case, spaces) or phone fails 'suppressed' and leaves nothing; the rest are created; another workspace takes all")
  void suppressedRowsAreRefusedAndTheRestCreated() throws Exception {
    String erasing = ApiTestSupport.workspace(app);
    HttpResponse<String> erin = app.postJson("/api/v1/workspaces/" + erasing + "/contacts",
        "{\"firstName\":\"Erin\",\"lastName\":\"Erased\",\"email\":\"erin@example.org\",\"phone\":\"+44 20 7946 0999\"}");
    assertThat(erin.statusCode()).as(erin.body()).isEqualTo(201);
    HttpResponse<String> erased = app.postJson("/api/v1/workspaces/" + erasing + "/contacts/"
        + JSON.readTree(erin.body()).path("id").asText() + "/erasure", "");
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    int rows = 10_000;
    StringBuilder csv = new StringBuilder("email,firstName,lastName,phone\n");
    for (int i = 1; i <= rows; i++) {
      String email = i == 1234 ? "  ERIN@Example.ORG " : "person" + i + "@example.org";
      String phone = i == 8876 ? "+44 (20) 7946-0999" : "";
      csv.append(email).append(",Person,").append(i).append(',').append(phone).append('\n');
    }
    long began = System.nanoTime();
    JsonNode job = imported(erasing, "object=contacts", csv.toString());
    System.out.printf("DSR-04: %d rows imported in %.1f s%n", rows, (System.nanoTime() - began) / 1e9);
    assertThat(job.path("state").asText()).isEqualTo("completed");
    assertThat(job.path("created").asLong()).isEqualTo(rows - 2);
    assertThat(job.path("failed").asLong()).isEqualTo(2);
    String errors = app.get("/api/v1/workspaces/" + erasing + "/imports/" + job.path("id").asText() + "/errors").body();
    assertThat(errors).isEqualTo("line,field,error\r\n1235,email,suppressed\r\n8877,phone,suppressed\r\n");
    assertThat(countAsApp(erasing, "select count(*) from contacts where email_normalised = 'erin@example.org'")).isZero();
    assertThat(countAsApp(erasing, "select count(*) from contacts where phone = '+442079460999'")).isZero();
    assertThat(countAsApp(erasing, "select count(*) from contacts where last_name in ('1234', '8876')")).isZero();
    assertThat(countAsApp(erasing, "select count(*) from import_rows")).as("no staged row is left").isZero();

    String other = ApiTestSupport.workspace(app);
    began = System.nanoTime();
    JsonNode elsewhere = imported(other, "object=contacts", csv.toString());
    System.out.printf("DSR-04: %d rows imported in another workspace in %.1f s%n", rows,
        (System.nanoTime() - began) / 1e9);
    assertThat(elsewhere.path("created").asLong()).as("another workspace's list is its own").isEqualTo(rows);
  }

  @Test
  @DisplayName("TEN-01, TEN-02, TEN-03: another workspace's import is a 404 on every route and in no list; raw SQL as crm_app sees only the set workspace's import rows and writes none into another's")
  void anotherWorkspacesImportIsNotFound() throws Exception {
    String mine = ApiTestSupport.workspace(app);
    String theirs = ApiTestSupport.workspace(app);
    JsonNode job = imported(mine, "object=contacts", "email,firstName,lastName\nnot-an-email,A,B\n");
    String id = job.path("id").asText();
    String path = "/api/v1/workspaces/" + theirs + "/imports/" + id;
    assertProblem(app.get(path), 404, "/problems/not-found");
    assertProblem(app.get(path + "/errors"), 404, "/problems/not-found");
    assertProblem(app.delete(path), 404, "/problems/not-found");
    assertThat(JSON.readTree(app.get("/api/v1/workspaces/" + theirs + "/imports").body()).path("items")).isEmpty();
    assertThat(JSON.readTree(app.get("/api/v1/workspaces/" + mine + "/imports").body()).path("items"))
        .extracting(n -> n.path("id").asText()).containsExactly(id);
    assertThat(countAsApp(mine, "select count(*) from import_jobs")).isEqualTo(1);
    assertThat(countAsApp(theirs, "select count(*) from import_jobs")).isZero();
    assertThat(countAsApp(mine, "select count(*) from import_errors")).isEqualTo(1);
    assertThat(countAsApp(theirs, "select count(*) from import_errors")).isZero();
    assertThat(db.sqlStatesAsApp("select * from import_jobs", "insert into import_errors values ('" + mine + "', '"
        + id + "', 99, 0, 'email', 'x')").get(1)).as("no tenant set: nothing written").isNotNull();
    // TEN-03: a worker that forgot its tenant filter, bound to another workspace, writes nothing into this one's
    String refused = null;
    try {
      db.asApp(UUID.fromString(theirs), c -> {
        try (java.sql.Statement st = c.createStatement()) {
          return st.executeUpdate("insert into import_errors values ('" + mine + "', '" + id
              + "', 99, 0, 'email', 'x')");
        }
      });
    } catch (java.sql.SQLException e) {
      refused = e.getSQLState();
    }
    assertThat(refused).as("row-level security's WITH CHECK").isEqualTo("42501");
    assertThat(countAsApp(mine, "select count(*) from import_errors")).isEqualTo(1);
    HttpResponse<String> finished = app.delete("/api/v1/workspaces/" + mine + "/imports/" + id);
    assertProblem(finished, 409, "/problems/invalid-state");
  }

  @Test
  @DisplayName("Bad input (unknown object, mode or field, a field twice, no email column, 413, 415) gets its problem; nothing is stored")
  void badInputIsRefusedAndNothingStored() throws Exception {
    String workspace = ApiTestSupport.workspace(app);
    String csv = "email,firstName,lastName\nx@example.org,X,Y\n";
    Map<String, String> parameters = Map.of(
        "object=deals", "object",
        "object=contacts&onDuplicate=merge", "onDuplicate",
        "object=contacts&header=maybe", "header",
        "object=contacts&columns=email,nickname", "columns",
        "object=contacts&columns=email,e-mail,lastName", "columns",
        "object=contacts&columns=firstName,lastName,", "columns");
    for (Map.Entry<String, String> bad : parameters.entrySet()) {
      HttpResponse<String> refused = upload(workspace, bad.getKey(), csv);
      assertProblem(refused, 400, "/problems/validation");
      assertThat(JSON.readTree(refused.body()).path("errors").get(0).path("parameter").asText())
          .as(bad.getKey()).isEqualTo(bad.getValue());
    }
    Map<String, String> headers = Map.of(
        "email,nickname,lastName\n", "#/line/1/column/2",
        "email,E-mail,lastName\n", "#/line/1/column/2",
        "firstName,lastName\n", "#/line/1");
    for (Map.Entry<String, String> bad : headers.entrySet()) {
      HttpResponse<String> refused = upload(workspace, "object=contacts", bad.getKey() + "a,b,c\n");
      assertProblem(refused, 400, "/problems/validation");
      assertThat(JSON.readTree(refused.body()).path("errors").get(0).path("pointer").asText())
          .as(bad.getKey()).isEqualTo(bad.getValue());
    }
    assertProblem(app.post("/api/v1/workspaces/" + workspace + "/imports?object=contacts", "application/json", "{}"),
        415, "/problems/unsupported-media-type");
    assertProblem(app.post("/api/v1/workspaces/" + workspace + "/imports?object=contacts", "text/csv; charset=latin1",
        csv), 415, "/problems/unsupported-media-type");
    StringBuilder large = new StringBuilder("email,firstName,lastName\n");
    while (large.length() <= MAX_BYTES) {
      large.append("someone.with.a.long.address@example.org,Some,One\n");
    }
    // a declared length over the limit: 413 at once, the body unread. Sent on a raw socket with only the body's
    // start: the JDK's client keeps writing a body it declared, and can miss an answer that came first.
    RawHttp.Answer declared = RawHttp.send(app.port(), RawHttp.bytes("POST /api/v1/workspaces/" + workspace
        + "/imports?object=contacts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\nOrigin: " + app.origin()
        + "\r\nCookie: " + SessionCookie.NAME + "=" + app.client().sessionToken() + "\r\nContent-Length: " + large.length()
        + "\r\n\r\nemail,firstName,lastName\n"), false);
    assertThat(declared.status()).as(declared.body()).isEqualTo(413);
    assertThat(declared.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(JSON.readTree(declared.body()).path("type").asText()).isEqualTo("/problems/payload-too-large");
    // no Content-Length (chunked): counted as it arrives
    HttpResponse<String> chunked = app.send(HttpRequest.newBuilder(app.uri("/api/v1/workspaces/" + workspace
        + "/imports?object=contacts")).header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
            large.toString().getBytes(StandardCharsets.UTF_8)))));
    assertProblem(chunked, 413, "/problems/payload-too-large");
    assertThat(countAsApp(workspace, "select count(*) from import_jobs")).isZero();
    assertThat(countAsApp(workspace, "select count(*) from import_rows")).isZero();
    assertThat(countAsApp(workspace, "select count(*) from contacts")).isZero();
  }

  @Test
  @DisplayName("A list export re-imports identically, a '=1+1' title and a '-' name too (the export's CSV-injection guard is stripped)")
  void anExportReimportsIdentically() throws Exception {
    String source = ApiTestSupport.workspace(app);
    for (String body : List.of(
        "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@example.org\",\"jobTitle\":\"=1+1\"}",
        "{\"firstName\":\"Alan\",\"lastName\":\"-Turing\",\"email\":\"alan@example.org\",\"phone\":\"+442079460958\"}",
        "{\"firstName\":\"Grace\",\"lastName\":\"Hopper, \\\"Amazing\\\"\",\"email\":\"grace@example.org\"}")) {
      assertThat(app.postJson("/api/v1/workspaces/" + source + "/contacts", body).statusCode()).isEqualTo(201);
    }
    String exported = app.get("/api/v1/workspaces/" + source + "/contacts/export?format=csv").body();
    assertThat(exported).contains("'=1+1", "'-Turing");
    String target = ApiTestSupport.workspace(app);
    JsonNode job = imported(target, "object=contacts", exported);
    assertThat(job.path("created").asLong()).as(job.toString()).isEqualTo(3);
    assertThat(contacts(target)).isEqualTo(contacts(source)).contains("ada@example.org|Ada|Lovelace|=1+1|");
    String again = app.get("/api/v1/workspaces/" + target + "/contacts/export?format=csv").body();
    assertThat(withoutIdsAndTimes(again)).isEqualTo(withoutIdsAndTimes(exported));

    String companies = "name,domain\nAcme,acme.example.com\n=Evil,evil.example.com\n";
    assertThat(imported(source, "object=companies", companies).path("created").asLong()).isEqualTo(2);
    String companyExport = app.get("/api/v1/workspaces/" + source + "/companies/export?format=csv").body();
    assertThat(imported(target, "object=companies", companyExport).path("created").asLong()).isEqualTo(2);
    assertThat(withoutIdsAndTimes(app.get("/api/v1/workspaces/" + target + "/companies/export?format=csv").body()))
        .isEqualTo(withoutIdsAndTimes(companyExport));
  }

  @Test
  @DisplayName("CRM-01: the company and deal list exports carry a column per custom field, sensitive ones only with includeSensitive=true")
  void companyAndDealExportsCarryCustomColumns() throws Exception {
    String workspace = ApiTestSupport.workspace(app);
    String base = "/api/v1/workspaces/" + workspace;
    for (String body : List.of("{\"key\":\"tier\",\"type\":\"text\",\"label\":\"Tier\"}",
        "{\"key\":\"secret\",\"type\":\"text\",\"label\":\"Secret\",\"sensitive\":true}")) {
      assertThat(app.postJson(base + "/custom-fields/company", body).statusCode()).isEqualTo(201);
      assertThat(app.postJson(base + "/custom-fields/deal", body).statusCode()).isEqualTo(201);
    }
    HttpResponse<String> company = app.postJson(base + "/companies",
        "{\"name\":\"Acme\",\"custom\":{\"tier\":\"gold\",\"secret\":\"hidden-value\"}}");
    assertThat(company.statusCode()).as(company.body()).isEqualTo(201);
    HttpResponse<String> deal = app.postJson(base + "/deals",
        "{\"title\":\"Big\",\"custom\":{\"tier\":\"silver\",\"secret\":\"hidden-value\"}}");
    assertThat(deal.statusCode()).as(deal.body()).isEqualTo(201);

    String companies = app.get(base + "/companies/export?format=csv").body();
    assertThat(companies.lines().findFirst()).hasValue("id,name,domain,createdAt,updatedAt,custom.tier");
    assertThat(companies).contains(",gold").doesNotContain("hidden-value");
    String deals = app.get(base + "/deals/export?format=csv").body();
    assertThat(deals.lines().findFirst().orElseThrow()).endsWith(",updatedAt,custom.tier");
    assertThat(deals).contains(",silver").doesNotContain("hidden-value");
    assertThat(app.get(base + "/deals/export?format=ndjson").body()).contains("\"custom.tier\":\"silver\"")
        .doesNotContain("hidden-value");

    String sensitiveCompanies = app.get(base + "/companies/export?format=csv&includeSensitive=true").body();
    assertThat(sensitiveCompanies.lines().findFirst()).hasValue("id,name,domain,createdAt,updatedAt,custom.tier,custom.secret");
    assertThat(sensitiveCompanies).contains(",gold,hidden-value");
    String sensitiveDeals = app.get(base + "/deals/export?format=csv&includeSensitive=true").body();
    assertThat(sensitiveDeals.lines().findFirst().orElseThrow()).endsWith(",updatedAt,custom.tier,custom.secret");
    assertThat(sensitiveDeals).contains(",silver,hidden-value");
    assertThat(app.get(base + "/deals/export?format=ndjson&includeSensitive=true").body())
        .contains("\"custom.secret\":\"hidden-value\"");
    assertThat(app.get(base + "/companies/export?format=csv&includeSensitive=false").body()).isEqualTo(companies);
  }

  /** Defines, in {@code workspace}, a custom field of each type for {@code objectType} (sensitive: the email). */
  private static void everyCustomType(String workspace, String objectType) throws Exception {
    for (String body : List.of("{\"key\":\"note\",\"type\":\"text\",\"label\":\"Note\"}",
        "{\"key\":\"score\",\"type\":\"number\",\"label\":\"Score\"}",
        "{\"key\":\"ratio\",\"type\":\"decimal\",\"label\":\"Ratio\"}",
        "{\"key\":\"since\",\"type\":\"date\",\"label\":\"Since\"}",
        "{\"key\":\"vip\",\"type\":\"boolean\",\"label\":\"VIP\"}",
        "{\"key\":\"tier\",\"type\":\"single_select\",\"label\":\"Tier\",\"options\":[{\"key\":\"gold\",\"label\":\"Gold\"},{\"key\":\"silver\",\"label\":\"Silver\"}]}",
        "{\"key\":\"tags\",\"type\":\"multi_select\",\"label\":\"Tags\",\"options\":[{\"key\":\"a\",\"label\":\"A\"},{\"key\":\"b\",\"label\":\"B\"}]}",
        "{\"key\":\"backup\",\"type\":\"email\",\"label\":\"Backup\",\"sensitive\":true}",
        "{\"key\":\"mobile\",\"type\":\"phone\",\"label\":\"Mobile\"}",
        "{\"key\":\"site\",\"type\":\"url\",\"label\":\"Site\"}",
        "{\"key\":\"budget\",\"type\":\"currency\",\"label\":\"Budget\"}")) {
      HttpResponse<String> made = app.postJson("/api/v1/workspaces/" + workspace + "/custom-fields/" + objectType, body);
      assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    }
  }

  /** A CSV's lines (no cell holds a comma) without the columns named id, createdAt and updatedAt, sorted. */
  private static List<String> withoutIdColumns(String csv) {
    String[] lines = csv.split("\r\n");
    List<String> header = Arrays.asList(lines[0].split(",", -1));
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      String[] cells = line.split(",", -1);
      List<String> kept = new ArrayList<>();
      for (int i = 0; i < cells.length; i++) {
        if (!List.of("id", "createdAt", "updatedAt").contains(header.get(i))) {
          kept.add(cells[i]);
        }
      }
      out.add(String.join(",", kept));
    }
    out.sort(null);
    return out;
  }

  @Test
  @DisplayName("CRM-01: custom.<key> columns import every custom type as the API validates it; an export with custom columns (sensitive ones asked for) re-imports into a fresh workspace and exports again identically, contacts and companies")
  void customColumnsReimportIdentically() throws Exception {
    String source = ApiTestSupport.workspace(app);
    String target = ApiTestSupport.workspace(app);
    for (String w : List.of(source, target)) {
      everyCustomType(w, "contact");
      everyCustomType(w, "company");
    }
    String custom = "\"custom\":{\"note\":\"=1+1 hi\",\"score\":42,\"ratio\":\"12.50\",\"since\":\"2026-01-31\","
        + "\"vip\":true,\"tier\":\"gold\",\"tags\":[\"a\",\"b\"],\"backup\":\"Backup@Example.org\","
        + "\"mobile\":\"+442079460958\",\"site\":\"https://example.org/x\",\"budget\":{\"amount\":\"10.00\",\"currency\":\"EUR\"}}";
    HttpResponse<String> ada = app.postJson("/api/v1/workspaces/" + source + "/contacts",
        "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@example.org\"," + custom + "}");
    assertThat(ada.statusCode()).as(ada.body()).isEqualTo(201);
    assertThat(app.postJson("/api/v1/workspaces/" + source + "/contacts",
        "{\"firstName\":\"Alan\",\"lastName\":\"Turing\",\"email\":\"alan@example.org\",\"custom\":{\"vip\":false}}")
        .statusCode()).isEqualTo(201);
    HttpResponse<String> acme = app.postJson("/api/v1/workspaces/" + source + "/companies",
        "{\"name\":\"Acme\",\"domain\":\"acme.example.com\"," + custom + "}");
    assertThat(acme.statusCode()).as(acme.body()).isEqualTo(201);

    String contacts = app.get("/api/v1/workspaces/" + source + "/contacts/export?format=csv&includeSensitive=true").body();
    assertThat(contacts.lines().findFirst().orElseThrow()).contains("custom.backup", "custom.budget");
    JsonNode job = imported(target, "object=contacts", contacts);
    assertThat(job.path("created").asLong()).as(job.toString()).isEqualTo(2);
    String again = app.get("/api/v1/workspaces/" + target + "/contacts/export?format=csv&includeSensitive=true").body();
    assertThat(withoutIdColumns(again)).isEqualTo(withoutIdColumns(contacts));
    JsonNode imported = JSON.readTree(app.get("/api/v1/workspaces/" + target + "/contacts?limit=10&q=ada").body())
        .path("items").get(0);
    assertThat(JSON.readTree(app.get("/api/v1/workspaces/" + target + "/contacts/" + imported.path("id").asText())
        .body()).path("custom")).isEqualTo(JSON.readTree(ada.body()).path("custom"));

    String companies = app.get("/api/v1/workspaces/" + source + "/companies/export?format=csv&includeSensitive=true").body();
    assertThat(imported(target, "object=companies", companies).path("created").asLong()).isEqualTo(1);
    assertThat(withoutIdColumns(app.get("/api/v1/workspaces/" + target
        + "/companies/export?format=csv&includeSensitive=true").body())).isEqualTo(withoutIdColumns(companies));
  }

  @Test
  @DisplayName("DSR-04: custom.<key> cells are validated as the API's values (every bad one an error row); an erased person's email or phone in a custom EMAIL or PHONE cell fails the row 'suppressed' and leaves nothing; an unknown key is a 400 naming its column, nothing kept")
  void customColumnsAreValidatedAndSuppressed() throws Exception {
    String workspace = ApiTestSupport.workspace(app);
    everyCustomType(workspace, "contact");
    everyCustomType(workspace, "company");
    HttpResponse<String> erin = app.postJson("/api/v1/workspaces/" + workspace + "/contacts",
        "{\"firstName\":\"Erin\",\"lastName\":\"Erased\",\"email\":\"erin@example.org\",\"phone\":\"+44 20 7946 0999\"}");
    assertThat(app.postJson("/api/v1/workspaces/" + workspace + "/contacts/"
        + JSON.readTree(erin.body()).path("id").asText() + "/erasure", "").statusCode()).isEqualTo(200);

    String csv = "email,firstName,lastName,custom.backup,custom.mobile,custom.score,custom.tags,custom.budget\n"
        + "ok@example.org,Ok,Row,ok2@example.org,+442079460958,7,a;b,12.50 EUR\n"
        + "bad@example.org,Bad,Row,not-an-email,,seven,a;zzz,12 EURO\n"
        + "hidden@example.org,Hidden,Email, ERIN@example.org ,,,,\n"
        + "hidden2@example.org,Hidden,Phone,,+44 (20) 7946-0999,,,\n";
    JsonNode job = imported(workspace, "object=contacts", csv);
    assertThat(job.path("created").asLong()).as(job.toString()).isEqualTo(1);
    assertThat(job.path("failed").asLong()).isEqualTo(3);
    String errors = app.get("/api/v1/workspaces/" + workspace + "/imports/" + job.path("id").asText() + "/errors").body();
    assertThat(errors).contains("3,custom.backup,", "3,custom.score,", "3,custom.tags,", "3,custom.budget",
        "4,custom.backup,suppressed", "5,custom.mobile,suppressed").doesNotContain("not-an-email", "seven", "zzz");
    assertThat(countAsApp(workspace, "select count(*) from contacts")).isEqualTo(1);
    assertThat(countAsApp(workspace, "select count(*) from custom_field_values where text_value ilike '%erin%'"
        + " or text_value like '%0999'")).isZero();

    String companies = "name,domain,custom.backup\nAcme,acme.example.com,erin@example.org\nBeta,beta.example.com,b@example.org\n";
    JsonNode companyJob = imported(workspace, "object=companies", companies);
    assertThat(companyJob.path("created").asLong()).isEqualTo(1);
    assertThat(companyJob.path("failed").asLong()).isEqualTo(1);

    HttpResponse<String> unknown = upload(workspace, "object=contacts", "email,custom.nope,custom.score\na@example.org,x,1\n");
    assertProblem(unknown, 400, "/problems/validation");
    assertThat(unknown.body()).contains("#/line/1/column/2").doesNotContain("column/3");
    HttpResponse<String> byColumns = upload(workspace, "object=contacts&columns=email,custom.nope&header=false",
        "a@example.org,x\n");
    assertProblem(byColumns, 400, "/problems/validation");
    assertThat(byColumns.body()).contains("columns", "entry 2");
    assertThat(countAsApp(workspace, "select count(*) from import_jobs")).isEqualTo(2);
  }

  /** An export's lines without its id and time columns (the first, and the last two), sorted. */
  private static List<String> withoutIdsAndTimes(String csv) {
    List<String> lines = new ArrayList<>();
    for (String line : csv.split("\r\n")) {
      String[] cells = line.split(",", -1);
      lines.add(String.join(",", Arrays.copyOfRange(cells, 1, cells.length - 2)));
    }
    lines.sort(null);
    return lines;
  }
}
