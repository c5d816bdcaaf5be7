package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import dev.custodian.crm.app.AccountConfig;
import dev.custodian.crm.app.SuiteLanes;
import dev.custodian.crm.core.retention.RetentionReport;
import dev.custodian.crm.persistence.JooqPersistence;
import dev.custodian.crm.persistence.testing.LogCapture;
import dev.custodian.crm.persistence.testing.TestDatabase;
import dev.custodian.crm.privacy.Custodian;
import dev.custodian.crm.privacy.dsr.port.in.SubjectPackageUseCases;
import dev.custodian.crm.privacy.erasure.service.ErasureServices;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Data-subject packages over a real socket and PostgreSQL: a subject with a marker in every store
 * of item 6 and a second subject with markers of her own; the package is built as an ACCESS
 * request executed over HTTP builds it, then downloaded once with the token of the completion mail's
 * link, read off loopback SMTP.
 */
@ResourceLock(SuiteLanes.SHARED_OBSERVERS) // it watches every log line
class PrivacyDownloadApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DOWNLOADS = "/api/v1/public/privacy-downloads";

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static TestApp app;
  private static String workspace;
  private static LogCapture logs;

  /** What the test reaches of the server's wiring. */
  static final class Wiring {
    @Inject static SubjectPackageUseCases packages;
    @Inject static JooqPersistence persistence;
    @Inject static Custodian custodian;
  }

  static final class WiringModule extends AbstractModule {
    @Override
    protected void configure() {
      requestStaticInjection(Wiring.class);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    logs = new LogCapture();
    Map<String, String> env = TestApp.environmentFor(db);
    env.put(AccountConfig.THROTTLE_LIMIT, "1000"); // failed downloads from one address; their limit is proven below
    app = TestApp.start(env, new WiringModule()).signIn();
    workspace = ApiTestSupport.workspace(app);
    HttpResponse<String> field = app.postJson(ws("custom-fields/contact"),
        "{\"key\":\"nickname\",\"type\":\"text\",\"label\":\"Nickname\"}");
    assertThat(field.statusCode()).as(field.body()).isEqualTo(201);
    HttpResponse<String> purpose = app.postJson(ws("purposes"),
        "{\"key\":\"newsletter\",\"name\":\"Newsletter\",\"legalBasis\":\"CONSENT\",\"directMarketing\":true}");
    assertThat(purpose.statusCode()).as(purpose.body()).isIn(201, 409);
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

  private static String ws(String rest) {
    return "/api/v1/workspaces/" + workspace + "/" + rest;
  }

  private static String created(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body()).path("id").asText();
  }

  /** A person with {@code marker} in every store; answers the contact's id. */
  private static String person(String marker, String email, String other) throws Exception {
    String company = created(app.postJson(ws("companies"), "{\"name\":\"Co " + marker + "\",\"domain\":\""
        + marker.toLowerCase() + "-" + UUID.randomUUID() + ".example.com\"}"));
    String contact = created(app.postJson(ws("contacts"), "{\"firstName\":\"" + marker + "\",\"lastName\":\"Person\","
        + "\"email\":\"" + email + "\",\"companyId\":\"" + company + "\",\"custom\":{\"nickname\":\"Nick-" + marker + "\"}}"));
    created(app.postJson(ws("deals"), "{\"title\":\"Deal " + marker + "\",\"contactIds\":[\"" + contact + "\"]}"));
    created(app.postJson(ws("activities"), "{\"kind\":\"note\",\"subject\":\"Note " + marker + "\","
        + "\"occurredAt\":\"2026-01-31T12:00:00Z\",\"contactIds\":[\"" + contact + "\"]}"));
    created(app.postJson(ws("tasks"), "{\"title\":\"Task " + marker + "\",\"contactIds\":[\"" + contact + "\"]}"));
    if (other != null) {
      created(app.postJson(ws("activities"), "{\"kind\":\"call\",\"subject\":\"Shared " + marker + "\","
          + "\"occurredAt\":\"2026-01-31T12:00:00Z\",\"contactIds\":[\"" + contact + "\",\"" + other + "\"]}"));
      created(app.postJson(ws("tasks"), "{\"title\":\"Shared task " + marker + "\",\"contactIds\":[\"" + contact
          + "\",\"" + other + "\"]}"));
    }
    HttpResponse<String> consent = app.postJson(ws("consent/events"), "{\"contactId\":\"" + contact
        + "\",\"purpose\":\"newsletter\",\"kind\":\"GRANTED\",\"source\":\"FORM\",\"noticeVersion\":\"v-" + marker + "\"}");
    assertThat(consent.statusCode()).as(consent.body()).isIn(200, 201);
    return contact;
  }

  /** An ACCESS (or PORTABILITY) request of {@code email}, verified and executed over HTTP. */
  private static UUID executedRequest(String email, boolean portable) throws Exception {
    String id = created(app.postJson(ws("privacy-requests"), "{\"type\":\"" + (portable ? "PORTABILITY" : "ACCESS")
        + "\",\"email\":\"" + email + "\"}"));
    HttpResponse<String> verified = app.postJson(ws("privacy-requests/" + id + "/verify"), "{}");
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    HttpResponse<String> executed = app.postJson(ws("privacy-requests/" + id + "/execute"), "");
    assertThat(executed.statusCode()).as(executed.body()).isEqualTo(200);
    assertThat(JSON.readTree(executed.body()).path("state").asText()).isEqualTo("COMPLETED");
    return UUID.fromString(id);
  }

  /** The package the executed request {@code requestId} built. */
  private static UUID packageOf(UUID requestId) throws Exception {
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement();
        var rs = st.executeQuery("select id from dsr_packages where request_id = '" + requestId + "'")) {
      assertThat(rs.next()).as("the execution built a package").isTrue();
      return UUID.fromString(rs.getString(1));
    }
  }

  /** The completion mail's link, read off loopback SMTP: the page under the public URL, the token in its fragment. */
  private static String mailedToken(String email) throws Exception {
    List<String> link = TestApp.awaitMail(email, "Your data is ready to download");
    assertThat(link.get(0)).endsWith("/privacy-download");
    assertThat(link.get(1)).as("the link's fragment carries the token").startsWith("dsr_");
    return link.get(1);
  }

  private static HttpResponse<byte[]> download(String token) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.uri(DOWNLOADS))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static Map<String, String> unzip(byte[] zip) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private static long chunksOf(UUID packageId) throws Exception {
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement();
        var rs = st.executeQuery("select count(*) from dsr_package_chunks where package_id = '" + packageId + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void assertInvalidToken(HttpResponse<byte[]> answer) throws Exception {
    assertThat(answer.statusCode()).isEqualTo(400);
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.path("type").asText()).isEqualTo("/problems/invalid-token");
  }

  @Test
  @DisplayName("DSR-01: the downloaded ZIP holds the subject's marker of every store in subject.json and index.html, none of another's; processing.json gives bases, periods, recipients")
  void accessPackageHoldsEveryStoreOfTheSubjectOnly() throws Exception {
    String bob = person("Zqbob", "bob." + UUID.randomUUID() + "@example.org", null);
    String adaEmail = "ada." + UUID.randomUUID() + "@example.org";
    person("Zqada", adaEmail, bob);

    UUID request = executedRequest(adaEmail.toUpperCase(), false);
    UUID packageId = packageOf(request);
    HttpResponse<byte[]> answer = download(mailedToken(adaEmail));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/zip");
    Map<String, String> files = unzip(answer.body());
    assertThat(files).containsOnlyKeys("subject.json", "processing.json", "index.html");
    List<String> markers = List.of("Zqada", "Co Zqada", "Nick-Zqada", "Deal Zqada", "Note Zqada", "Task Zqada",
        "Shared Zqada", "Shared task Zqada", "v-Zqada", adaEmail);
    assertThat(files.get("subject.json")).contains(markers).doesNotContain("Zqbob");
    assertThat(files.get("index.html")).contains(markers).doesNotContain("Zqbob").doesNotContainIgnoringCase("<script");
    JsonNode processing = JSON.readTree(files.get("processing.json"));
    assertThat(processing.path("purposes").findValuesAsText("basis")).contains("CONSENT");
    assertThat(processing.path("categories").findValuesAsText("retention")).isNotEmpty().doesNotContain("");
    assertThat(processing.path("recipients")).isNotEmpty();
    JsonNode sections = JSON.readTree(files.get("subject.json")).path("sections");
    Map<String, Integer> counts = new LinkedHashMap<>();
    sections.forEach(s -> counts.put(s.path("name").asText(), s.path("records").size()));
    assertThat(counts).containsEntry("contacts", 1).containsEntry("dealContacts", 1).containsEntry("activities", 1)
        .containsEntry("activityLinks", 1).containsEntry("tasks", 1).containsEntry("taskLinks", 1)
        .containsEntry("customValues", 1).containsEntry("consent", 1).containsEntry("requests", 1)
        .containsEntry("importRows", 0);
    assertThat(chunksOf(packageId)).as("the package is gone once downloaded").isZero();
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement();
        var rs = st.executeQuery("select actor_kind, details from audit_entries where action = 'subject_package_downloaded'"
            + " and target_id = '" + packageId + "'")) {
      assertThat(rs.next()).as("the download is on the workspace's audit chain").isTrue();
      assertThat(rs.getString(1)).isEqualToIgnoringCase("anonymous");
      assertThat(rs.getString(2)).contains("DOWNLOADED");
    }
  }

  @Test
  @DisplayName("DSR-01: every store an erasure removes from has a section of the same name, the requests' own and staged import rows included")
  void everyErasureParticipantHasASectionOfTheSameName() {
    Set<String> sections = new HashSet<>();
    Wiring.packages.participants().forEach(p -> sections.add(p.name()));
    assertThat(sections).isEqualTo(new HashSet<>(ErasureServices.BUILT_IN_NAMES)).contains("requests", "importRows");
  }

  @Test
  @DisplayName("DSR-01: the completion mail's link works once (of concurrent uses one streams) and no chunk remains")
  void aLinkWorksOnce() throws Exception {
    String email = "once." + UUID.randomUUID() + "@example.org";
    person("Zqonce", email, null);
    UUID packageId = packageOf(executedRequest(email, true));
    String token = mailedToken(email);

    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Callable<Integer>> uses = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        uses.add(() -> download(token).statusCode());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> use : pool.invokeAll(uses)) {
        statuses.add(use.get());
      }
      assertThat(statuses).containsExactlyInAnyOrder(200, 400, 400);
    } finally {
      pool.shutdownNow();
    }
    assertInvalidToken(download(token));
    assertThat(chunksOf(packageId)).isZero();
  }

  @Test
  @DisplayName("DSR-01: the completion mail's link fails after its 7 days, and the retention engine's expiry step leaves no chunk and audits subject_package_deleted on the workspace's trail; the token is in no table or log")
  void anExpiredLinkFailsAndTheSweepDeletesIt() throws Exception {
    String email = "late." + UUID.randomUUID() + "@example.org";
    person("Zqlate", email, null);
    UUID packageId = packageOf(executedRequest(email, false));
    String token = mailedToken(email);
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      try (var rs = st.executeQuery("select expires_at - created_at = interval '7 days' from dsr_packages where id = '"
          + packageId + "'")) {
        assertThat(rs.next() && rs.getBoolean(1)).as("CRM_DSR_DOWNLOAD_TTL: 7 days by default").isTrue();
      }
      assertThat(TestApp.everyRowAsText(db, "dsr_packages", "dsr_package_chunks", "mail_outbox").toString())
          .as("only the token's hash is stored").doesNotContain(token).doesNotContain(token.substring(4));
      // 7 days on: the package's times moved back (the server's clock cannot be moved here)
      st.execute("update dsr_packages set created_at = created_at - interval '7 days', expires_at = expires_at"
          + " - interval '7 days' where id = '" + packageId + "'");
    }
    assertInvalidToken(download(token));
    assertThat(chunksOf(packageId)).isPositive();
    RetentionReport report = Wiring.custodian.retention().run();
    assertThat(report.totals().getOrDefault("subject_package", 0L)).as("the engine's expiry step, in its run counts")
        .isGreaterThanOrEqualTo(1);
    assertThat(chunksOf(packageId)).isZero();
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement();
        var rs = st.executeQuery("select count(*) from dsr_packages where id = '" + packageId + "'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("the package's row went with its chunks").isZero();
    }
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement();
        var rs = st.executeQuery("select actor_kind, details from audit_entries where action = 'subject_package_deleted'"
            + " and target_id = '" + packageId + "'")) {
      assertThat(rs.next()).as("audited on its workspace's chain").isTrue();
      assertThat(rs.getString(1)).isEqualTo("system");
      assertThat(rs.getString(2)).contains("reason=EXPIRED");
      assertThat(rs.next()).as("once").isFalse();
    }
    assertThat(logs.lines()).as("no token in a log line").noneMatch(line -> line.contains(token.substring(4)));
  }

  @Test
  @DisplayName("DSR-01: 100,000 consent entries of one subject stream into a package and out again under -Xmx256m")
  void aHugeSubjectStreamsInASmallHeap() throws Exception {
    String email = "huge." + UUID.randomUUID() + "@example.org";
    String contact = person("Zqhuge", email, null);
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      st.execute("insert into consent_events (tenant_id, id, subject_ref, address_hash, purpose_key, legal_basis, kind,"
          + " source, occurred_at, recorded_at, notice_version, actor)"
          + " select e.tenant_id, gen_random_uuid(), e.subject_ref, e.address_hash, e.purpose_key, e.legal_basis,"
          + " e.kind, e.source, e.occurred_at, e.recorded_at, 'bulk-' || n, e.actor"
          + " from consent_events e join consent_subjects s on s.tenant_id = e.tenant_id and s.subject_ref = e.subject_ref"
          + " cross join generate_series(1, 99999) n where s.contact_id = '" + contact + "'");
    }
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), PackageStreamingChild.class.getName(),
        db.jdbcUrl(), db.appPassword(), java.util.Base64.getEncoder().encodeToString(TestApp.MASTER_KEY), workspace,
        email).redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
    assertThat(child.exitValue()).as(output).isZero();
    String[] ok = output.lines().filter(l -> l.startsWith("OK ")).findFirst().orElseThrow().split(" ");
    assertThat(Integer.parseInt(ok[1])).isEqualTo(100_000);
    assertThat(Long.parseLong(ok[3])).as("downloaded what was built").isEqualTo(Long.parseLong(ok[2]))
        .isGreaterThan(2L * 1024 * 1024);
  }

  @Test
  void badInputIsOneProblemNamingTheField() throws Exception {
    HttpResponse<String> missing = app.newClient().send(HttpRequest.newBuilder(app.uri(DOWNLOADS))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
    ApiTestSupport.assertProblem(missing, 400, "/problems/validation");
    assertThat(missing.body()).contains("#/token");
    assertInvalidToken(download("dsr_" + "A".repeat(43)));
  }
}
