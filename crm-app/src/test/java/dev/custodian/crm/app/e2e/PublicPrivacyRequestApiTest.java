package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.custodian.crm.app.SuiteLanes;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.persistence.testing.LogCapture;
import dev.custodian.crm.persistence.testing.TestDatabase;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * HTTP end to end for the public intake of data-subject requests (issue 28 item 3): a person's own
 * request, the 6-digit code mailed to the address (real socket, PostgreSQL, loopback SMTP), its
 * single use, its expiry and its tries, the throttles, isolation between workspaces, bad input, and
 * that the code is in no table and no log line. The throttle keeps its defaults (5 in 15 minutes);
 * each test starts in a fresh window of the moved clock.
 */
@ResourceLock(SuiteLanes.SHARED_OBSERVERS) // it watches every log line
class PublicPrivacyRequestApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUBJECT = "Your privacy request code";
  private static final Pattern CODE = Pattern.compile("\\n\\s*([0-9]{6})\\s*\\n");

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static final MutableClock clock = new MutableClock(Instant.now());
  private static TestApp app;
  private static TestApp.Client person;
  private static String a;
  private static String b;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> env = TestApp.environmentFor(db);
    app = TestApp.start(env, clock).signIn();
    a = ApiTestSupport.workspace(app);
    b = ApiTestSupport.workspace(app);
    person = app.newClient(); // no account: the public routes' caller
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  /** A fresh window of the throttle (15 minutes, aligned on the epoch) for every test. */
  @BeforeEach
  void nextWindow() {
    clock.advance(Duration.ofMinutes(16));
  }

  private static String intake(String workspace) {
    return "/api/v1/public/workspaces/" + workspace + "/privacy-requests";
  }

  private static String admin(String workspace) {
    return "/api/v1/workspaces/" + workspace + "/privacy-requests";
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> submit(String workspace, String body) throws Exception {
    return person.postJson(intake(workspace), body);
  }

  private static String submitted(String workspace, String body) throws Exception {
    HttpResponse<String> answer = submit(workspace, body);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    return json(answer).path("requestId").asText();
  }

  private static HttpResponse<String> verify(String workspace, String id, String code) throws Exception {
    return person.postJson(intake(workspace) + "/" + id + "/verify", "{\"code\":\"" + code + "\"}");
  }

  private static HttpResponse<String> resend(String workspace, String id) throws Exception {
    return person.post(intake(workspace) + "/" + id + "/code", "application/json", "");
  }

  /** The body of the next unread code mail to {@code email} (20 s at most). */
  private static String awaitCodeMail(String email) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      for (MimeMessage message : TestApp.SMTP.getReceivedMessages()) {
        String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
        if (to.equalsIgnoreCase(email) && message.getSubject().equals(SUBJECT) && message.getHeader("X-Seen") == null) {
          message.setHeader("X-Seen", "yes");
          return GreenMailUtil.getBody(message).replace("\r\n", "\n");
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no code mail arrived");
  }

  private static String codeIn(String mail) {
    Matcher matcher = CODE.matcher(mail);
    assertThat(matcher.find()).as("a 6-digit code in %s", mail).isTrue();
    return matcher.group(1);
  }

  private static String awaitCode(String email) throws Exception {
    return codeIn(awaitCodeMail(email));
  }

  /** A code other than {@code code}. */
  private static String wrong(String code) {
    return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
  }

  private static long mailsTo(String email) throws Exception {
    long count = 0;
    for (MimeMessage message : TestApp.SMTP.getReceivedMessages()) {
      if (message.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(email)) {
        count++;
      }
    }
    return count;
  }

  private static List<String> auditActions(String workspace) throws Exception {
    List<String> actions = new ArrayList<>();
    for (JsonNode entry : json(app.get("/api/v1/workspaces/" + workspace + "/audit?limit=200")).path("items")) {
      actions.add(entry.path("action").asText());
    }
    return actions;
  }

  private static long codeRows(String requestId) throws Exception {
    try (Connection c = db.superuserConnection();
        PreparedStatement st = c.prepareStatement("select count(*) from dsr_codes where request_id = ?::uuid")) {
      st.setString(1, requestId);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String contact(String workspace, String email) throws Exception {
    HttpResponse<String> created = app.postJson("/api/v1/workspaces/" + workspace + "/contacts",
        "{\"firstName\":\"Grace\",\"lastName\":\"Public\",\"email\":\"" + email + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).path("id").asText();
  }

  @Test
  @DisplayName("DSR-12: a contact's address and a stranger's get the same status, body shape and mail; the code works once; then the admin /execute runs")
  void anyAddressGetsTheSameAnswerAndTheCodeVerifiesOnce() throws Exception {
    String known = "known." + UUID.randomUUID() + "@example.org";
    String stranger = "stranger." + UUID.randomUUID() + "@example.org";
    contact(a, known);
    String body = "{\"type\":\"OBJECTION\",\"email\":\"%s\",\"purposes\":[\"analytics\"]}";

    HttpResponse<String> forKnown = submit(a, body.formatted(known));
    HttpResponse<String> forStranger = submit(a, body.formatted(stranger));

    assertThat(forKnown.statusCode()).as(forKnown.body()).isEqualTo(202);
    assertThat(forStranger.statusCode()).as(forStranger.body()).isEqualTo(202);
    List<String> knownFields = new ArrayList<>();
    json(forKnown).fieldNames().forEachRemaining(knownFields::add);
    List<String> strangerFields = new ArrayList<>();
    json(forStranger).fieldNames().forEachRemaining(strangerFields::add);
    assertThat(knownFields).containsExactly("requestId").isEqualTo(strangerFields);
    assertThat(forKnown.headers().firstValue("Content-Type")).isEqualTo(forStranger.headers().firstValue("Content-Type"));
    String knownMail = awaitCodeMail(known);
    String strangerMail = awaitCodeMail(stranger);
    String code = codeIn(knownMail);
    assertThat(knownMail.replace(code, "CODE")).isEqualTo(strangerMail.replace(codeIn(strangerMail), "CODE"));
    assertThat(knownMail).doesNotContain(known).contains("10 minutes");

    String id = json(forKnown).path("requestId").asText();
    HttpResponse<String> verified = verify(a, id, code);
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(204);
    ApiTestSupport.assertProblem(verify(a, id, code), 400, "/problems/invalid-token");

    JsonNode read = json(app.get(admin(a) + "/" + id));
    assertThat(read.path("state").asText()).isEqualTo("IDENTITY_VERIFIED");
    assertThat(read.path("history").findValuesAsText("actor")).containsExactly("anonymous", "anonymous");
    assertThat(read.path("history").findValuesAsText("kind")).containsExactly("RECEIVED", "VERIFIED");
    HttpResponse<String> executed = app.postJson(admin(a) + "/" + id + "/execute", "");
    assertThat(executed.statusCode()).as(executed.body()).isEqualTo(200);
    assertThat(json(executed).path("state").asText()).isEqualTo("COMPLETED");
    assertThat(auditActions(a)).contains("privacy_request_received", "privacy_request_code_sent",
        "privacy_request_verified", "privacy_request_executed");
  }

  @Test
  @DisplayName("DSR-12: after 3 wrong codes the right one fails; a re-sent code works")
  void threeWrongCodesVoidIt() throws Exception {
    String email = "tries." + UUID.randomUUID() + "@example.org";
    String id = submitted(a, "{\"type\":\"ACCESS\",\"email\":\"" + email + "\"}");
    String code = awaitCode(email);

    for (int i = 0; i < 3; i++) {
      ApiTestSupport.assertProblem(verify(a, id, wrong(code)), 400, "/problems/invalid-token");
    }
    ApiTestSupport.assertProblem(verify(a, id, code), 400, "/problems/invalid-token");
    assertThat(codeRows(id)).isZero();

    HttpResponse<String> resent = resend(a, id);
    assertThat(resent.statusCode()).as(resent.body()).isEqualTo(202);
    assertThat(json(resent).path("requestId").asText()).isEqualTo(id);
    String fresh = awaitCode(email);
    HttpResponse<String> verified = verify(a, id, fresh);
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(204);
    assertThat(json(app.get(admin(a) + "/" + id)).path("state").asText()).isEqualTo("IDENTITY_VERIFIED");
  }

  @Test
  @DisplayName("DSR-12, TEN-01: an expired code (clock moved 10 minutes), A's request through B's public path, an unknown and a malformed id: one 400 /problems/invalid-token, the same bytes")
  void everyFailureIsTheSameAnswer() throws Exception {
    String email = "late." + UUID.randomUUID() + "@example.org";
    String id = submitted(a, "{\"type\":\"ACCESS\",\"email\":\"" + email + "\"}");
    String code = awaitCode(email);

    HttpResponse<String> throughB = verify(b, id, code);
    ApiTestSupport.assertProblem(throughB, 400, "/problems/invalid-token");
    assertThat(json(app.get(admin(a) + "/" + id)).path("state").asText()).isEqualTo("RECEIVED");
    clock.advance(Duration.ofMinutes(10));
    HttpResponse<String> expired = verify(a, id, code);
    HttpResponse<String> unknown = verify(a, UUID.randomUUID().toString(), code);
    HttpResponse<String> malformed = verify(a, "not-an-id", code);

    ApiTestSupport.assertProblem(expired, 400, "/problems/invalid-token");
    assertThat(List.of(expired.body(), unknown.body(), malformed.body())).containsOnly(throughB.body());
    assertThat(json(app.get(admin(a) + "/" + id)).path("state").asText()).isEqualTo("RECEIVED");
  }

  @Test
  @DisplayName("DSR-12: 5 failed codes per client address, then 429")
  void failedCodesAreThrottledPerClientAddress() throws Exception {
    for (int i = 0; i < 5; i++) {
      ApiTestSupport.assertProblem(verify(a, UUID.randomUUID().toString(), "123456"), 400, "/problems/invalid-token");
    }
    HttpResponse<String> refused = verify(a, UUID.randomUUID().toString(), "123456");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  @DisplayName("DSR-12: the 6th intake of an address in 15 minutes is 429, and stores nothing")
  void theSixthIntakeOfAnAddressIsThrottled() throws Exception {
    String email = "often." + UUID.randomUUID() + "@example.org";
    for (int i = 0; i < 5; i++) {
      submitted(a, "{\"type\":\"ACCESS\",\"email\":\"" + email + "\"}");
    }
    long stored = TestApp.count(db, "dsr_requests");
    HttpResponse<String> refused = submit(a, "{\"type\":\"ACCESS\",\"email\":\"" + email + "\"}");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
    assertThat(TestApp.count(db, "dsr_requests")).isEqualTo(stored);
  }

  @Test
  @DisplayName("Bad input: 400 problem+json naming each field, nothing stored or mailed; an unknown workspace answers 202 with an id that never verifies, storing and mailing nothing")
  void badInputAndUnknownWorkspaces() throws Exception {
    String email = "bad." + UUID.randomUUID() + "@example.org";
    long requests = TestApp.count(db, "dsr_requests");
    long outbox = TestApp.count(db, "mail_outbox");

    HttpResponse<String> bad = submit(a, "{\"type\":\"SOMETHING\",\"email\":\"not-an-address\"}");
    ApiTestSupport.assertProblem(bad, 400, "/problems/validation");
    assertThat(json(bad).path("errors").findValuesAsText("pointer")).containsExactlyInAnyOrder("#/type", "#/email");
    HttpResponse<String> purpose = submit(a, "{\"type\":\"OBJECTION\",\"email\":\"" + email
        + "\",\"purposes\":[\"analytics\",\"no-such-purpose\"]}");
    ApiTestSupport.assertProblem(purpose, 400, "/problems/validation");
    assertThat(json(purpose).path("errors").findValuesAsText("pointer")).containsExactly("#/purposes/1");
    ApiTestSupport.assertProblem(submit(a, "{\"type\":\"ACCESS\",\"email\":\"" + email
        + "\",\"receivedAt\":\"2026-01-01T00:00:00Z\"}"), 400, "/problems/validation");
    String nowhere = UUID.randomUUID().toString();
    String id = submitted(nowhere, "{\"type\":\"ACCESS\",\"email\":\"" + email + "\"}");

    assertThat(id).isNotBlank();
    assertThat(TestApp.count(db, "dsr_requests")).isEqualTo(requests);
    assertThat(TestApp.count(db, "mail_outbox")).isEqualTo(outbox);
    ApiTestSupport.assertProblem(verify(nowhere, id, "000000"), 400, "/problems/invalid-token");
    Thread.sleep(500); // a mail would have been sent by now
    assertThat(mailsTo(email)).isZero();
  }

  @Test
  @DisplayName("DSR-12: the code is in no table (a superuser scan of every row) and in no log line; only its keyed hash is stored")
  void theCodeIsInNoTableAndNoLogLine() throws Exception {
    String email = "secret." + UUID.randomUUID() + "@example.org";
    String code;
    String id;
    List<String> lines;
    try (LogCapture logs = new LogCapture()) {
      id = submitted(a, "{\"type\":\"ACCESS\",\"email\":\"" + email + "\"}");
      code = awaitCode(email);
      ApiTestSupport.assertProblem(verify(a, id, wrong(code)), 400, "/problems/invalid-token");
      lines = logs.lines();
    }
    assertThat(codeRows(id)).as("positive control: the code's row").isOne();
    Pattern alone = Pattern.compile("(?<![0-9a-f.])" + code + "(?![0-9a-f])");
    for (String row : TestApp.everyRowAsText(db, "dsr_codes", "dsr_requests", "mail_outbox")) {
      assertThat(alone.matcher(row).find()).as("the code in %s", row).isFalse();
    }
    assertThat(lines).noneMatch(line -> line.contains(code)).noneMatch(line -> line.contains(email));
    HttpResponse<String> verified = verify(a, id, code);
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(204);
    assertThat(codeRows(id)).as("used: gone").isZero();
  }

  @Test
  @DisplayName("DSR-04, DSR-15: an erasure deletes the codes of the subject's requests; afterwards intake of the address is 409 suppressed")
  void anErasedAddressIsRefused() throws Exception {
    String email = "erased." + UUID.randomUUID() + "@example.org";
    contact(a, email);
    String erasure = submitted(a, "{\"type\":\"ERASURE\",\"email\":\"" + email + "\"}");
    String erasureCode = awaitCode(email);
    String pending = submitted(a, "{\"type\":\"ACCESS\",\"email\":\"" + email + "\"}");
    awaitCode(email);
    assertThat(codeRows(pending)).isOne();

    assertThat(verify(a, erasure, erasureCode).statusCode()).isEqualTo(204);
    HttpResponse<String> executed = app.postJson(admin(a) + "/" + erasure + "/execute", "");
    assertThat(executed.statusCode()).as(executed.body()).isEqualTo(200);

    assertThat(codeRows(pending)).isZero();
    ApiTestSupport.assertProblem(submit(a, "{\"type\":\"ACCESS\",\"email\":\"" + email + "\"}"), 409,
        "/problems/suppressed");
  }
}
