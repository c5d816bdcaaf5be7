package dev.custodian.crm.app.e2e;

import static dev.custodian.crm.app.e2e.RawHttp.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.app.SuiteLanes;
import dev.custodian.crm.http.common.SessionCookie;
import dev.custodian.crm.persistence.testing.LogCapture;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Every bad request a client library would never send, over a raw socket: each answers a 4xx
 * {@code application/problem+json}, changes nothing, and leaves its input out of every log line.
 */
@ResourceLock(SuiteLanes.SHARED_OBSERVERS) // it watches every log line
class HostileRequestsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MARKER = "Hostile7Marker";

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static TestApp app;
  private static String workspace;
  private static String contact;

  /** One bad request: its name, and its bytes given the workspace and an existing contact. */
  record Case(String name, Function<String[], byte[]> request) {}

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.on(db).signIn();
    workspace = ApiTestSupport.workspace(app);
    contact = ApiTestSupport.ada(app, workspace);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  /**
   * The request as the signed-in client sends it (its session cookie and our origin after the
   * {@code Host} line), so the hostile part reaches the parsers behind the access check.
   */
  private static byte[] signedIn(byte[] request) {
    String raw = new String(request, StandardCharsets.ISO_8859_1); // byte for byte
    String host = "Host: 127.0.0.1\r\n";
    return raw.replaceFirst(java.util.regex.Pattern.quote(host), java.util.regex.Matcher.quoteReplacement(host
        + "Cookie: " + SessionCookie.NAME + "=" + app.client().sessionToken() + "\r\nOrigin: http://127.0.0.1\r\n"))
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] post(String path, String contentType, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(bytes("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n"));
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static byte[] postJson(String path, String json) {
    return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] get(String target) {
    return bytes("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  }

  private static String contacts(String[] ids) {
    return "/api/v1/workspaces/" + ids[0] + "/contacts";
  }

  private static String valid(String firstName) {
    return "{\"firstName\":\"" + firstName + "\",\"lastName\":\"L\",\"email\":\"" + MARKER.toLowerCase() + "@example.org\"}";
  }

  static List<Case> cases() {
    String manyMembers = "{" + String.join(",", java.util.stream.IntStream.range(0, 1001)
        .mapToObj(i -> "\"m" + i + "\":1").toList()) + "}";
    String manyUnknown = "{" + String.join(",", java.util.stream.IntStream.range(0, 150)
        .mapToObj(i -> "\"f" + i + "\":\"" + MARKER + "\"").toList()) + "}";
    byte[] invalidUtf8 = valid("X" + MARKER).getBytes(StandardCharsets.UTF_8);
    invalidUtf8[14] = (byte) 0xC3; // a lead byte ...
    invalidUtf8[15] = (byte) 0x28; // ... without its continuation
    return List.of(
        new Case("raw control character in a JSON string", ids -> postJson(contacts(ids), valid(MARKER + "\u0001"))),
        new Case("bad escape in a JSON string", ids -> postJson(contacts(ids), valid(MARKER + "\\q"))),
        new Case("lone surrogate in a JSON string", ids -> postJson(contacts(ids), valid(MARKER + "\\uD800"))),
        new Case("body cut short (truncated JSON)", ids -> postJson(contacts(ids), "{\"firstName\":\"" + MARKER)),
        new Case("body shorter than its Content-Length", ids -> bytes("POST " + contacts(ids) + " HTTP/1.1\r\n"
            + "Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"firstName\":\""
            + MARKER)),
        new Case("unknown charset", ids -> post(contacts(ids), "application/json; charset=x-" + MARKER,
            valid("A").getBytes(StandardCharsets.UTF_8))),
        new Case("non-UTF-8 charset", ids -> post(contacts(ids), "application/json; charset=ISO-8859-1",
            valid(MARKER).getBytes(StandardCharsets.ISO_8859_1))),
        new Case("invalid UTF-8 bytes", ids -> post(contacts(ids), "application/json", invalidUtf8)),
        new Case("media type other than JSON", ids -> post(contacts(ids), "text/plain",
            valid(MARKER).getBytes(StandardCharsets.UTF_8))),
        new Case("a +json media type on a JSON route", ids -> post(contacts(ids), "application/vnd." + MARKER + "+json",
            valid(MARKER).getBytes(StandardCharsets.UTF_8))),
        new Case("malformed percent-encoding in the path", ids -> get("/api/v1/workspaces/%zz" + MARKER + "/contacts")),
        new Case("malformed percent-encoding in the query", ids -> get(contacts(ids) + "?cursor=%%%zz" + MARKER)),
        new Case("percent-encoding of invalid UTF-8 in the query", ids -> get(contacts(ids) + "?cursor=%C3%28" + MARKER)),
        new Case("malformed URI", ids -> get("/api/v1/workspaces/" + ids[0] + "/../../" + MARKER + "%2F..%2Fetc")),
        new Case("over-long URI", ids -> get("/api/v1/" + MARKER + "x".repeat(20_000))),
        new Case("over-long header", ids -> bytes("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-" + MARKER + ": "
            + "y".repeat(20_000) + "\r\nConnection: close\r\n\r\n")),
        new Case("CONNECT", ids -> bytes("CONNECT " + MARKER + ".example:443 HTTP/1.1\r\nHost: " + MARKER
            + ".example:443\r\n\r\n")),
        new Case("garbage request line", ids -> bytes(MARKER + " \u0001\u0002 garbage\r\n\r\n")),
        new Case("negative Content-Length", ids -> bytes("POST " + contacts(ids) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/json\r\nContent-Length: -5\r\nConnection: close\r\n\r\n" + valid(MARKER))),
        new Case("more than 1,000 members", ids -> postJson(contacts(ids), manyMembers)),
        new Case("150 unknown fields in a patch", ids -> bytes("PATCH " + contacts(ids) + "/" + ids[1] + " HTTP/1.1\r\n"
            + "Host: 127.0.0.1\r\nContent-Type: application/merge-patch+json\r\nIf-Match: \"1\"\r\nContent-Length: "
            + manyUnknown.length() + "\r\nConnection: close\r\n\r\n" + manyUnknown)));
  }

  @Test
  @DisplayName("TEL-10: every hostile request answers a 4xx problem+json, changes nothing, and no log line holds its input")
  void everyHostileRequestIsAProblemAnswer() throws Exception {
    long contactsBefore = TestApp.count(db, "contacts");
    long workspacesBefore = TestApp.count(db, "workspaces");
    StringBuilder failures = new StringBuilder();
    try (LogCapture logs = new LogCapture(ch.qos.logback.classic.Level.INFO)) {
      for (Case c : cases()) {
        RawHttp.Answer answer = RawHttp.send(app.port(), signedIn(c.request().apply(new String[] {workspace, contact})));
        String problem = check(answer);
        if (problem != null) {
          failures.append("\n- ").append(c.name()).append(": ").append(problem);
        }
      }
      assertThat(failures.toString()).as("requests not answered with a 4xx problem").isEmpty();
      assertThat(logs.lines()).noneMatch(line -> line.contains(MARKER));
    }
    assertThat(TestApp.count(db, "contacts")).isEqualTo(contactsBefore);
    assertThat(TestApp.count(db, "workspaces")).isEqualTo(workspacesBefore);
  }

  @Test
  void aProblemListsAtMost100ErrorsAndSaysHowManyMore() throws Exception {
    Case many = cases().get(cases().size() - 1);
    RawHttp.Answer answer = RawHttp.send(app.port(), signedIn(many.request().apply(new String[] {workspace, contact})));
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(answer.status()).isEqualTo(400);
    assertThat(problem.path("errors")).hasSize(100);
    assertThat(problem.path("moreErrors").asInt()).isEqualTo(50);
  }

  @Test
  @DisplayName("TEN-02: a request naming a host that is not ours (DNS rebinding) is refused; ours and the configured ones work")
  void onlyOurOwnHostNamesAreAnswered() throws Exception {
    for (String path : List.of("/api/v1/workspaces/" + workspace + "/contacts", "/health", "/api/v1/workspaces")) {
      RawHttp.Answer foreign = RawHttp.send(app.port(), bytes("GET " + path + " HTTP/1.1\r\nHost: attacker.example:"
          + app.port() + "\r\nConnection: close\r\n\r\n"));
      assertThat(foreign.status()).as(path).isEqualTo(421);
      assertThat(foreign.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(JSON.readTree(foreign.body()).path("type").asText()).isEqualTo("/problems/misdirected-request");
    }
    for (String ours : List.of("127.0.0.1:" + app.port(), "localhost:" + app.port(), "LOCALHOST")) {
      assertThat(RawHttp.send(app.port(), bytes("GET /health HTTP/1.1\r\nHost: " + ours
          + "\r\nConnection: close\r\n\r\n")).status()).as(ours).isEqualTo(200);
    }
    var env = TestApp.environmentFor(db);
    env.put(dev.custodian.crm.app.AppConfig.ALLOWED_HOSTS, "crm.internal, 10.0.0.7");
    env.put(dev.custodian.crm.app.AppConfig.PUBLIC_URL, "https://crm.example.com");
    try (TestApp configured = TestApp.start(env)) {
      for (String host : List.of("crm.internal", "10.0.0.7:443", "crm.example.com", "127.0.0.1")) {
        assertThat(RawHttp.send(configured.port(), bytes("GET /health HTTP/1.1\r\nHost: " + host
            + "\r\nConnection: close\r\n\r\n")).status()).as(host).isEqualTo(200);
      }
      assertThat(RawHttp.send(configured.port(), bytes("GET /health HTTP/1.1\r\nHost: attacker.example"
          + "\r\nConnection: close\r\n\r\n")).status()).isEqualTo(421);
    }
  }

  @Test
  @DisplayName("TEL-04: every answer says nosniff and lets nothing load (CSP default-src 'none'), a refusal before any route too; API answers are not stored")
  void everyAnswerSaysNosniffAndLoadsNothing_andApiAnswersAreNotStored() throws Exception {
    String csp = "default-src 'none'; frame-ancestors 'none'";
    var health = app.get("/health");
    assertThat(health.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(health.headers().firstValue("Content-Security-Policy")).hasValue(csp);
    var contact = app.get("/api/v1/workspaces/" + workspace + "/contacts/" + HostileRequestsTest.contact);
    assertThat(contact.statusCode()).isEqualTo(200);
    assertThat(contact.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(contact.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(contact.headers().firstValue("Content-Security-Policy")).hasValue(csp);
    var problem = app.get("/api/v1/workspaces/" + workspace + "/contacts/not-a-uuid");
    assertThat(problem.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(problem.headers().firstValue("Content-Security-Policy")).hasValue(csp);
    var refused = RawHttp.send(app.port(), bytes("GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\nX: " + "y".repeat(20_000)
        + "\r\n\r\n"));
    assertThat(refused.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(refused.header("Content-Security-Policy")).isEqualTo(csp);
  }

  /** Null when the answer is a 4xx problem without the input in it; else what is wrong. */
  private static String check(RawHttp.Answer answer) {
    if (answer.status() < 400 || answer.status() > 499) {
      return "status " + answer.status() + " " + answer.body().substring(0, Math.min(200, answer.body().length()));
    }
    if (!"application/problem+json".equals(answer.header("Content-Type"))) {
      return answer.status() + " with Content-Type " + answer.header("Content-Type") + ": "
          + answer.body().substring(0, Math.min(200, answer.body().length()));
    }
    try {
      JsonNode problem = JSON.readTree(answer.body());
      if (!problem.path("type").asText().startsWith("/problems/") || problem.path("status").asInt() != answer.status()) {
        return "not a problem document: " + answer.body();
      }
    } catch (Exception e) {
      return "not JSON: " + answer.body();
    }
    if (answer.body().contains(MARKER)) {
      return "the answer repeats the input";
    }
    return null;
  }
}
