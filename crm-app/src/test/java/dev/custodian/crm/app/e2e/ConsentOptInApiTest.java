package dev.custodian.crm.app.e2e;

import static dev.custodian.crm.app.e2e.ConsentApiFixture.json;
import static dev.custodian.crm.app.e2e.ConsentApiFixture.ws;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HTTP end to end for double opt-in (CON-01) over a real socket, PostgreSQL and loopback SMTP, the
 * clock moved; and a person's refusals in a cancelled workspace (issue 29 item 2).
 */
class ConsentOptInApiTest {

  private static final String CONFIRM = "/api/v1/public/consent/confirm";
  private static final MutableClock clock = new MutableClock(Instant.now());
  private static final String SUBJECT = "Please confirm your subscription";

  @RegisterExtension static final ConsentApiFixture api = ConsentApiFixture.standard().on(clock).throttleLimit(1000);
  private static final TestDatabase db = api.db();
  private static TestApp app;
  private static String a;
  private static String b;

  @BeforeAll
  static void start() {
    app = api.app();
    a = api.a();
    b = api.b();
  }

  private static List<String> eligible(String workspace, String purpose) throws Exception {
    HttpResponse<String> page = app.get(ws(workspace) + "/contacts?eligibleFor=" + purpose + "&limit=100");
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json(page).path("items").forEach(c -> ids.add(c.path("id").asText()));
    return ids;
  }

  private static long rowsWith(String table, String text) throws Exception {
    try (Connection c = db.superuserConnection();
        PreparedStatement st = c.prepareStatement("select count(*) from " + table + " t where t::text like ?")) {
      st.setString(1, "%" + text + "%");
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  @DisplayName("CON-01: no event, an unconfirmed request or a withdrawal make no contact eligible; the mailed link, confirmed, makes exactly one; it works once, its SHA-256 alone is stored")
  void onlyAConfirmedLinkGrants() throws Exception {
    String none = api.contact(a, "none." + UUID.randomUUID() + "@example.org");
    String pendingEmail = "pending." + UUID.randomUUID() + "@example.org";
    String pending = api.contact(a, pendingEmail);
    String withdrawn = api.contact(a, "withdrawn." + UUID.randomUUID() + "@example.org");
    String confirmedEmail = "confirmed." + UUID.randomUUID() + "@example.org";
    String confirmed = api.contact(a, confirmedEmail);
    HttpResponse<String> asked = api.request(a, pending, "marketing-email");
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
    assertThat(json(asked).path("requestedAt").asText()).isNotEmpty();
    assertThat(api.request(a, confirmed, "marketing-email").statusCode()).isEqualTo(202);
    ApiTestSupport.assertProblem(api.record(a, withdrawn, "marketing-email", "GRANTED", "FORM"),
        409, "/problems/consent-required");
    assertThat(api.record(a, withdrawn, "marketing-email", "WITHDRAWN", "API").statusCode()).isEqualTo(200);

    TestApp.awaitMail(pendingEmail, SUBJECT);
    List<String> link = TestApp.awaitMail(confirmedEmail, SUBJECT);
    assertThat(link.get(0)).endsWith("/consent/confirm");
    String token = link.get(1);
    assertThat(token).startsWith("cnf_");
    assertThat(rowsWith("mail_outbox", token) + rowsWith("consent_confirmations", token)
        + rowsWith("consent_events", token)).as("the token is stored nowhere").isZero();
    assertThat(rowsWith("consent_confirmations", TokenHash.of(token))).as("its SHA-256 is").isEqualTo(1);
    assertThat(rowsWith("mail_outbox", pendingEmail)).isZero();

    HttpResponse<String> granted = api.confirm(token);
    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
    assertThat(json(granted).path("state").asText()).isEqualTo("GRANTED");
    assertThat(eligible(a, "marketing-email")).contains(confirmed).doesNotContain(none, pending, withdrawn);
    ApiTestSupport.assertProblem(api.confirm(token), 404, "/problems/not-found");
    JsonNode entry = json(app.get(ws(a) + "/contacts/" + confirmed + "/consent/events")).path("items").get(0);
    assertThat(entry.path("source").asText()).isEqualTo("EMAIL_LINK");
    assertThat(entry.path("optInRequestedAt").asText()).isNotEmpty();
    assertThat(entry.path("optInConfirmedAt").asText()).isNotEmpty();
  }

  @Test
  @DisplayName("CON-01: the link fails after 7 days; a forged or malformed token is the same 404; the withdrawn person's own confirmation grants again")
  void theLinkExpiresAndOnlyThePersonUndoesARefusal() throws Exception {
    String email = "expiring." + UUID.randomUUID() + "@example.org";
    String grace = api.contact(a, email);
    assertThat(api.record(a, grace, "marketing-email", "WITHDRAWN", "API").statusCode()).isEqualTo(200);
    assertThat(api.request(a, grace, "marketing-email").statusCode()).isEqualTo(202);
    String old = TestApp.awaitMail(email, SUBJECT).get(1);
    clock.advance(Duration.ofDays(7));
    HttpResponse<String> expired = api.confirm(old);
    ApiTestSupport.assertProblem(expired, 404, "/problems/not-found");
    HttpResponse<String> forged = api.confirm(old.substring(0, old.length() - 2) + (old.endsWith("AA") ? "BB" : "AA"));
    assertThat(forged.body()).isEqualTo(expired.body());
    ApiTestSupport.assertProblem(api.confirm("not-a-token"), 404, "/problems/not-found");
    ApiTestSupport.assertProblem(app.postJson(CONFIRM, "{}"), 400, "/problems/validation");

    assertThat(api.request(a, grace, "marketing-email").statusCode()).isEqualTo(202);
    HttpResponse<String> granted = api.confirm(TestApp.awaitMail(email, SUBJECT).get(1));
    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
    assertThat(json(granted).path("state").asText()).isEqualTo("GRANTED");
  }

  @Test
  @DisplayName("CON-01: 3 requests per contact and purpose a day, then 429; bad input names every field; TEN-01: A's contact through B's path is a 404 and queues nothing")
  void requestsAreLimitedValidatedAndIsolated() throws Exception {
    String grace = api.contact(a, "limited." + UUID.randomUUID() + "@example.org");
    for (int i = 0; i < 3; i++) {
      assertThat(api.request(a, grace, "marketing-email").statusCode()).isEqualTo(202);
    }
    HttpResponse<String> fourth = api.request(a, grace, "marketing-email");
    ApiTestSupport.assertProblem(fourth, 429, "/problems/rate-limited");
    assertThat(fourth.headers().firstValue("Retry-After")).isPresent();

    HttpResponse<String> bad = app.postJson(ws(a) + "/consent/requests",
        "{\"contactId\":\"nope\",\"purpose\":\"Bad Key\",\"noticeVersion\":\"\"}");
    ApiTestSupport.assertProblem(bad, 400, "/problems/validation");
    List<String> pointers = new ArrayList<>();
    json(bad).path("errors").forEach(e -> pointers.add(e.path("pointer").asText()));
    assertThat(pointers).containsExactlyInAnyOrder("#/contactId", "#/purpose", "#/noticeVersion");
    ApiTestSupport.assertProblem(api.request(a, grace, "no-such-purpose"), 400, "/problems/validation");

    TestApp.awaitEmptyOutbox(db);
    ApiTestSupport.assertProblem(api.request(b, grace, "marketing-email"), 404, "/problems/not-found");
    assertThat(TestApp.count(db, "mail_outbox")).isZero();
    // TEN-02: as crm_app, B sees none of A's confirmations
    long seen = db.asApp(UUID.fromString(b), c -> {
      try (ResultSet rs = c.createStatement().executeQuery("select count(*) from consent_confirmations")) {
        rs.next();
        return rs.getLong(1);
      }
    });
    long own = db.asApp(UUID.fromString(a), c -> {
      try (ResultSet rs = c.createStatement().executeQuery(
          "select count(*) from consent_confirmations where tenant_id <> '" + a + "'")) {
        rs.next();
        return rs.getLong(1);
      }
    });
    assertThat(seen).isZero();
    assertThat(own).isZero();
  }

  @Test
  @DisplayName("RET-02: in a cancelled workspace withdrawals, objections and restrictions are recorded (a person's rights do not pause); grants, requests and lifting are not")
  void aCancelledWorkspaceTakesRefusalsOnly() throws Exception {
    String c = ApiTestSupport.workspace(app);
    HttpResponse<String> news = app.postJson(ws(c) + "/purposes",
        "{\"key\":\"newsletter\",\"name\":\"Newsletter\",\"legalBasis\":\"CONSENT\",\"directMarketing\":true}");
    assertThat(news.statusCode()).as(news.body()).isEqualTo(201);
    String grace = api.contact(c, "cancelled." + UUID.randomUUID() + "@example.org");
    String other = api.contact(c, "other." + UUID.randomUUID() + "@example.org");
    assertThat(api.record(c, grace, "newsletter", "GRANTED", "FORM").statusCode()).isEqualTo(200);
    HttpResponse<String> cancelled = app.postJson(ws(c) + "/cancel", "");
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);

    HttpResponse<String> withdrawn = api.record(c, grace, "newsletter", "WITHDRAWN", "API");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    assertThat(json(withdrawn).path("state").asText()).isEqualTo("WITHDRAWN");
    assertThat(api.record(c, grace, "analytics", "OBJECTED", "API").statusCode()).isEqualTo(200);
    HttpResponse<String> restricted = app.send(java.net.http.HttpRequest.newBuilder(
        app.uri(ws(c) + "/contacts/" + grace + "/restriction")).PUT(java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertThat(restricted.statusCode()).as(restricted.body()).isEqualTo(200);

    ApiTestSupport.assertProblem(api.record(c, other, "newsletter", "GRANTED", "FORM"), 409, "/problems/workspace-cancelled");
    ApiTestSupport.assertProblem(api.request(c, other, "newsletter"), 409, "/problems/workspace-cancelled");
    ApiTestSupport.assertProblem(app.delete(ws(c) + "/contacts/" + grace + "/restriction"), 409,
        "/problems/workspace-cancelled");
  }
}
