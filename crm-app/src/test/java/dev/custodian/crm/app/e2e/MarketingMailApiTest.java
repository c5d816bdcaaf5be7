package dev.custodian.crm.app.e2e;

import static dev.custodian.crm.app.e2e.ConsentApiFixture.json;
import static dev.custodian.crm.app.e2e.ConsentApiFixture.ws;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.custodian.crm.app.SuiteLanes;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.persistence.testing.TestDatabase;
import dev.custodian.crm.privacy.consent.KeyedUnsubscribeTokens;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * HTTP end to end for marketing mail and its one-click unsubscribe (CON-01's send, CON-02) over a
 * real socket, PostgreSQL and loopback SMTP.
 */
@Execution(ExecutionMode.CONCURRENT) // it mostly waits: it runs beside the others (SuiteLanes)
@ResourceLock(SuiteLanes.SHARED_OBSERVERS)
class MarketingMailApiTest {

  private static final String CONFIRMATION = "Please confirm your subscription";
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final MutableClock clock = new MutableClock(Instant.now());
  private static final KeyedUnsubscribeTokens TOKENS = new KeyedUnsubscribeTokens(() -> TestApp.MASTER_KEY.clone());

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

  /** A contact who confirmed marketing-email through the mailed link. */
  private static String confirmed(String workspace, String email) throws Exception {
    String id = api.contact(workspace, email);
    HttpResponse<String> asked = api.request(workspace, id, "marketing-email");
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
    String token = TestApp.awaitMail(email, CONFIRMATION).get(1);
    HttpResponse<String> granted = api.confirm(token);
    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
    return id;
  }

  private static HttpResponse<String> queue(String workspace, String purpose, String subject) throws Exception {
    return app.postJson(ws(workspace) + "/marketing-mails", "{\"purpose\":\"" + purpose + "\",\"subject\":\""
        + subject + "\",\"text\":\"Ten percent off, this week only.\",\"postalAddress\":\"Acme Ltd, 1 Main Street, "
        + "Springfield\"}");
  }

  /** The mails with {@code subject} that reached {@code email} so far. */
  private static List<MimeMessage> mailsTo(String email, String subject) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage message : TestApp.SMTP.getReceivedMessages()) {
      String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
      if (to.equalsIgnoreCase(email) && subject.equals(message.getSubject())) {
        found.add(message);
      }
    }
    return found;
  }

  private static MimeMessage awaitOne(String email, String subject) throws Exception {
    TestApp.awaitEmptyOutbox(db);
    List<MimeMessage> mails = mailsTo(email, subject);
    assertThat(mails).as("mails '%s' to the contact", subject).hasSize(1);
    return mails.get(0);
  }

  private static long events() throws Exception {
    return TestApp.count(db, "consent_events");
  }

  private static HttpResponse<String> unsubscribe(String url) throws Exception {
    return app.newClient().post(URI.create(url).getRawPath(), FORM, "List-Unsubscribe=One-Click");
  }

  private static String token(String workspace, String contact, String purpose) {
    return TOKENS.mint(WorkspaceId.of(UUID.fromString(workspace)), ContactId.of(UUID.fromString(contact)),
        new PurposeKey(purpose));
  }

  @Test
  @DisplayName("CON-01: a send reaches no contact with no event, an unconfirmed request or a withdrawal; the confirmed contact gets exactly one")
  void onlyTheConfirmedContactGetsTheMail() throws Exception {
    String w = ApiTestSupport.workspace(app); // its own: no other test's confirmed contact
    String none = "none." + UUID.randomUUID() + "@example.org";
    api.contact(w, none);
    String pending = "pending." + UUID.randomUUID() + "@example.org";
    String pendingId = api.contact(w, pending);
    assertThat(api.request(w, pendingId, "marketing-email").statusCode()).isEqualTo(202);
    TestApp.awaitMail(pending, CONFIRMATION);
    String withdrawn = "withdrawn." + UUID.randomUUID() + "@example.org";
    String withdrawnId = confirmed(w, withdrawn);
    assertThat(app.postJson(ws(w) + "/consent/events", "{\"contactId\":\"" + withdrawnId + "\",\"purpose\":"
        + "\"marketing-email\",\"kind\":\"WITHDRAWN\",\"source\":\"API\"}").statusCode()).isEqualTo(200);
    String yes = "confirmed." + UUID.randomUUID() + "@example.org";
    confirmed(w, yes);

    String subject = "Offers " + UUID.randomUUID();
    HttpResponse<String> queued = queue(w, "marketing-email", subject);
    assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
    assertThat(json(queued).path("queued").asInt()).isEqualTo(1);
    awaitOne(yes, subject);
    assertThat(mailsTo(none, subject)).isEmpty();
    assertThat(mailsTo(pending, subject)).isEmpty();
    assertThat(mailsTo(withdrawn, subject)).isEmpty();
  }

  @Test
  @DisplayName("CON-02, CON-07: the mail has both headers, the link and the postal address; a GET appends nothing; the mail client's POST answers 200 and withdraws; the next send skips the contact")
  void theHeaderUrlUnsubscribesWithOneClick() throws Exception {
    String w = ApiTestSupport.workspace(app);
    String email = "one-click." + UUID.randomUUID() + "@example.org";
    String id = confirmed(w, email);
    String subject = "News " + UUID.randomUUID();
    assertThat(queue(w, "marketing-email", subject).statusCode()).isEqualTo(202);
    MimeMessage mail = awaitOne(email, subject);

    String header = mail.getHeader("List-Unsubscribe", null);
    assertThat(header).startsWith("<" + app.origin() + "/api/v1/public/unsubscribe/u1.").endsWith(">");
    String url = header.substring(1, header.length() - 1);
    assertThat(url).endsWith("/" + token(w, id, "marketing-email"));
    assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
    String body = GreenMailUtil.getBody(mail);
    assertThat(body).contains(url).contains("Acme Ltd, 1 Main Street, Springfield")
        .contains("Ten percent off, this week only.");
    assertThat(TestApp.count(db, "mail_outbox")).isZero();

    long before = events();
    HttpResponse<String> page = app.newClient().get(URI.create(url).getRawPath());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body()).contains("<form method=\"post\"").doesNotContain(email);
    assertThat(events()).as("a GET appends nothing").isEqualTo(before);

    HttpResponse<String> done = unsubscribe(url);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    assertThat(done.body()).doesNotContain(email).doesNotContain("Grace");
    assertThat(events()).isEqualTo(before + 1);
    JsonNode entry = json(app.get(ws(w) + "/contacts/" + id + "/consent/events")).path("items");
    assertThat(entry.get(entry.size() - 1).path("kind").asText()).isEqualTo("WITHDRAWN");
    assertThat(entry.get(entry.size() - 1).path("source").asText()).isEqualTo("EMAIL_LINK");
    // again, and with no body at all (no 415): 200, nothing more appended
    assertThat(app.newClient().post(URI.create(url).getRawPath(), "text/plain", "").statusCode()).isEqualTo(200);
    assertThat(events()).isEqualTo(before + 1);

    String next = "Later " + UUID.randomUUID();
    HttpResponse<String> again = queue(w, "marketing-email", next);
    assertThat(json(again).path("queued").asInt()).isZero();
    TestApp.awaitEmptyOutbox(db);
    assertThat(mailsTo(email, next)).isEmpty();
  }

  @Test
  @DisplayName("CON-02: a forged token, each defect alone, is one 404 with the same bytes and appends nothing; a gone contact's link answers as success")
  void forgedTokensAreOneNotFound() throws Exception {
    String id = api.contact(a, "forged." + UUID.randomUUID() + "@example.org");
    String valid = token(a, id, "analytics");
    byte[] raw = Base64.getUrlDecoder().decode(valid.substring(3));
    long before = events();
    List<String> forged = new ArrayList<>();
    forged.add("u2." + valid.substring(3)); // another version
    forged.add(valid.substring(0, valid.length() - 1)); // cut short
    forged.add(valid + "A"); // too long
    forged.add(withByte(raw, 63)); // the MAC
    forged.add(withByte(raw, 20)); // the contact
    forged.add(withByte(raw, 5)); // the workspace
    forged.add(withByte(raw, 40)); // the purpose
    forged.add(token(a, id, "marketing-email").substring(0, 3 + 64) + valid.substring(3 + 64)); // another purpose's MAC
    forged.add(token(a, UUID.randomUUID().toString(), "no-such-purpose")); // well made, naming no purpose
    HttpResponse<String> first = unsubscribe("/api/v1/public/unsubscribe/" + forged.get(0));
    ApiTestSupport.assertProblem(first, 404, "/problems/not-found");
    for (String token : forged) {
      HttpResponse<String> post = unsubscribe("/api/v1/public/unsubscribe/" + token);
      assertThat(post.statusCode()).as(token).isEqualTo(404);
      assertThat(post.body()).as(token).isEqualTo(first.body());
      HttpResponse<String> get = app.newClient().get("/api/v1/public/unsubscribe/" + token);
      assertThat(get.statusCode()).as(token).isEqualTo(404);
      assertThat(get.body()).as(token).isEqualTo(first.body());
    }
    assertThat(events()).as("nothing appended").isEqualTo(before);

    HttpResponse<String> ok = unsubscribe("/api/v1/public/unsubscribe/" + valid);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(events()).as("an objection to analytics").isEqualTo(before + 1);
    assertThat(app.delete(ws(a) + "/contacts/" + id).statusCode()).isEqualTo(204);
    assertThat(unsubscribe("/api/v1/public/unsubscribe/" + valid).statusCode()).as("gone: success").isEqualTo(200);
    assertThat(events()).isEqualTo(before + 1);
  }

  private static String withByte(byte[] raw, int index) {
    byte[] copy = raw.clone();
    copy[index] ^= 0x01;
    return "u1." + Base64.getUrlEncoder().withoutPadding().encodeToString(copy);
  }

  @Test
  @DisplayName("CON-02: bad input is 400 naming every field and stores nothing; TEN-02: as crm_app, B sees none of A's marketing mails")
  void badInputIsRefusedAndMailsAreIsolated() throws Exception {
    long mails = TestApp.count(db, "marketing_mails");
    HttpResponse<String> bad = app.postJson(ws(a) + "/marketing-mails", "{\"purpose\":\"Bad Key\",\"subject\":\"\","
        + "\"text\":\"  \",\"postalAddress\":\"" + "x".repeat(501) + "\"}");
    ApiTestSupport.assertProblem(bad, 400, "/problems/validation");
    List<String> pointers = new ArrayList<>();
    json(bad).path("errors").forEach(e -> pointers.add(e.path("pointer").asText()));
    assertThat(pointers).containsExactlyInAnyOrder("#/purpose", "#/subject", "#/text", "#/postalAddress");
    ApiTestSupport.assertProblem(queue(a, "no-such-purpose", "Hello"), 400, "/problems/validation");
    assertThat(TestApp.count(db, "marketing_mails")).isEqualTo(mails);

    assertThat(queue(a, "marketing-email", "Isolated").statusCode()).isEqualTo(202);
    long seen = db.asApp(UUID.fromString(b), c -> {
      try (ResultSet rs = c.createStatement().executeQuery(
          "select count(*) from marketing_mails where tenant_id <> '" + b + "'")) {
        rs.next();
        return rs.getLong(1);
      }
    });
    long others = db.asApp(UUID.fromString(a), c -> {
      try (ResultSet rs = c.createStatement().executeQuery(
          "select count(*) from marketing_mails where tenant_id <> '" + a + "'")) {
        rs.next();
        return rs.getLong(1);
      }
    });
    long own = db.asApp(UUID.fromString(a), c -> {
      try (ResultSet rs = c.createStatement().executeQuery("select count(*) from marketing_mails")) {
        rs.next();
        return rs.getLong(1);
      }
    });
    assertThat(seen).isZero();
    assertThat(others).isZero();
    assertThat(own).isPositive();
  }

  /**
   * The race, kept short (3 rounds of 30 mails, not the 50 of 200): each round queues a mail
   * for a fresh legitimate-interest purpose to 30 contacts and, as soon as it is queued, one of them
   * unsubscribes through its link (the token minted as the server would). When the answer arrives,
   * every mail that will ever reach that contact has reached the SMTP server already: the sender
   * holds the contact's row share-locked until SMTP accepts, and the unsubscribe waits for it.
   */
  @Test
  @DisplayName("CON-02: one contact unsubscribes while mails go out: none reaches it after the answer (3 rounds of 30)")
  void noMailReachesTheContactAfterTheAnswer() throws Exception {
    List<String> emails = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String email = "race" + i + "." + UUID.randomUUID() + "@example.org";
      emails.add(email);
      ids.add(api.contact(b, email));
    }
    for (int round = 0; round < 3; round++) {
      String purpose = "news-" + round + "-" + UUID.randomUUID().toString().substring(0, 8);
      HttpResponse<String> created = app.postJson(ws(b) + "/purposes", "{\"key\":\"" + purpose + "\",\"name\":\"News\","
          + "\"legalBasis\":\"LEGITIMATE_INTEREST\",\"basisJustification\":\"Existing customers\","
          + "\"directMarketing\":true}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      int victim = 10 + round * 5;
      String subject = "Race " + round + " " + UUID.randomUUID();
      HttpResponse<String> queued = queue(b, purpose, subject);
      assertThat(json(queued).path("queued").asInt()).isEqualTo(30);
      HttpResponse<String> answer = unsubscribe("/api/v1/public/unsubscribe/" + token(b, ids.get(victim), purpose));
      assertThat(answer.statusCode()).isEqualTo(200);
      int atAnswer = mailsTo(emails.get(victim), subject).size();
      TestApp.awaitEmptyOutbox(db);
      assertThat(mailsTo(emails.get(victim), subject)).as("round %d", round).hasSize(atAnswer);
      assertThat(mailsTo(emails.get(victim + 1), subject)).as("another contact still gets it").hasSize(1);
    }
  }
}
