package dev.custodian.crm.app.e2e;

import static dev.custodian.crm.app.e2e.ConsentApiFixture.json;
import static dev.custodian.crm.app.e2e.ConsentApiFixture.ws;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HTTP end to end, on PostgreSQL: every consent change (issue 26's list) appends one audit entry in
 * its own transaction, and a transaction that fails at its commit, after the entry was written,
 * leaves neither the entry nor the change (the failure is injected by a deferred trigger that
 * raises when the transaction commits).
 */
class ConsentAuditApiTest {

  private static final String MERGE_PATCH = "application/merge-patch+json";

  @RegisterExtension static final ConsentApiFixture api = ConsentApiFixture.standard();
  private static final TestDatabase db = api.db();
  private static TestApp app;
  private static String w;

  @BeforeAll
  static void start() {
    app = api.app();
    w = api.a();
  }

  /** How many rows of {@code table} the workspace has, counted as the superuser. */
  private static long rows(String table, String tenantColumn) throws Exception {
    try (Connection c = db.superuserConnection();
        PreparedStatement st = c.prepareStatement("select count(*) from " + table + " where " + tenantColumn + " = ?")) {
      st.setObject(1, UUID.fromString(w));
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long entries(String action) throws Exception {
    try (Connection c = db.superuserConnection(); PreparedStatement st = c.prepareStatement(
        "select count(*) from audit_entries where tenant_id = ? and action = ?")) {
      st.setObject(1, UUID.fromString(w));
      st.setString(2, action);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Runs {@code change} twice: first with the workspace's commit made to fail once {@code action}'s
   * entry is written (500; then no entry, and {@code state} as before), then as it is (one entry
   * more, and {@code state} changed). Returns the second answer.
   */
  private static HttpResponse<String> auditedOnceAndAtomic(String action, int status,
      Callable<HttpResponse<String>> change, Callable<Object> state) throws Exception {
    Object before = state.call();
    long audited = entries(action);
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      st.execute("create function test_fail_at_commit() returns trigger language plpgsql as "
          + "$$ begin raise exception 'commit refused'; end $$");
      st.execute("create constraint trigger test_fail_at_commit after insert on audit_entries "
          + "deferrable initially deferred for each row when (new.action = '" + action + "' and new.tenant_id = '"
          + w + "') execute function test_fail_at_commit()");
    }
    try {
      ApiTestSupport.assertProblem(change.call(), 500, "/problems/internal-error");
    } finally {
      try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
        st.execute("drop trigger test_fail_at_commit on audit_entries");
        st.execute("drop function test_fail_at_commit()");
      }
    }
    assertThat(entries(action)).as("%s: a rolled-back change leaves no entry", action).isEqualTo(audited);
    assertThat(state.call()).as("%s: a rolled-back change changes nothing", action).isEqualTo(before);

    HttpResponse<String> done = change.call();
    assertThat(done.statusCode()).as(done.body()).isEqualTo(status);
    assertThat(entries(action)).as("%s: one entry", action).isEqualTo(audited + 1);
    assertThat(state.call()).as("%s: the change is made", action).isNotEqualTo(before);
    return done;
  }

  private static HttpResponse<String> put(String path) throws Exception {
    return app.send(HttpRequest.newBuilder(app.uri(path)).PUT(HttpRequest.BodyPublishers.noBody()));
  }

  @Test
  @DisplayName("SEC-09 on PostgreSQL: each consent change (purpose created, changed, retired; consent recorded; opt-in requested; restriction set, lifted; proof queried) audits once; a rollback after its entry leaves none and changes nothing")
  void eachConsentChangeAuditsOnce_andARollbackLeavesNone() throws Exception {
    String purpose = ws(w) + "/purposes/weekly";
    auditedOnceAndAtomic("purpose_created", 201, () -> app.postJson(ws(w) + "/purposes",
        "{\"key\":\"weekly\",\"name\":\"Weekly\",\"legalBasis\":\"CONSENT\",\"directMarketing\":true}"),
        () -> rows("consent_purposes", "tenant_id"));
    auditedOnceAndAtomic("purpose_changed", 200, () -> app.json("PATCH", purpose, MERGE_PATCH,
        "{\"name\":\"Weekly news\"}", "If-Match", "\"1\""), () -> json(app.get(purpose)).path("name").asText());
    auditedOnceAndAtomic("purpose_retired", 200, () -> app.postJson(purpose + "/retire", ""),
        () -> json(app.get(purpose)).path("retiredAt").asText(""));

    String grace = api.contact(w, "grace." + UUID.randomUUID() + "@example.org");
    auditedOnceAndAtomic("consent_recorded", 200, () -> app.postJson(ws(w) + "/consent/events", "{\"contactId\":\""
        + grace + "\",\"purpose\":\"analytics\",\"kind\":\"OBJECTED\",\"source\":\"API\"}"),
        () -> rows("consent_events", "tenant_id"));
    String email = "ada." + UUID.randomUUID() + "@example.org";
    String ada = api.contact(w, email);
    auditedOnceAndAtomic("opt_in_requested", 202, () -> app.postJson(ws(w) + "/consent/requests", "{\"contactId\":\""
        + ada + "\",\"purpose\":\"marketing-email\",\"noticeVersion\":\"2026-11\"}"),
        () -> rows("consent_confirmations", "tenant_id"));
    TestApp.awaitMail(email, "Please confirm your subscription");
    String restriction = ws(w) + "/contacts/" + grace + "/restriction";
    auditedOnceAndAtomic("restriction_set", 200, () -> put(restriction),
        () -> rows("processing_restrictions", "tenant_id"));
    auditedOnceAndAtomic("restriction_lifted", 204, () -> app.delete(restriction),
        () -> rows("processing_restrictions", "tenant_id"));
    // a query changes nothing but the trail: its state is the trail's length
    auditedOnceAndAtomic("proof_queried", 200, () -> app.postJson(ws(w) + "/consent/proof", "{\"email\":\"" + email
        + "\"}"), () -> rows("audit_entries", "tenant_id"));
  }

  @Test
  @DisplayName("SEC-09, CON-02 on PostgreSQL: a marketing send appends one marketing_queued entry with its count; a send rolled back after its entry leaves no entry, no mail, no outbox row and no mail sent")
  void aMarketingSendAuditsOnceWithItsCount_andARollbackLeavesNone() throws Exception {
    List<String> emails = List.of("m1." + UUID.randomUUID() + "@example.org", "m2." + UUID.randomUUID()
        + "@example.org");
    for (String email : emails) {
      api.contact(w, email);
    }
    String subject = "Audited " + UUID.randomUUID();
    long received = TestApp.SMTP.getReceivedMessages().length;
    HttpResponse<String> queued = auditedOnceAndAtomic("marketing_queued", 202, () -> app.postJson(ws(w)
        + "/marketing-mails", "{\"purpose\":\"analytics\",\"subject\":\"" + subject + "\",\"text\":\"Hello.\","
        + "\"postalAddress\":\"Acme Ltd, 1 Main Street, Springfield\"}"),
        () -> List.of(rows("marketing_mails", "tenant_id"), rows("mail_outbox", "workspace_id")));
    int count = json(queued).path("queued").asInt();
    assertThat(count).isGreaterThanOrEqualTo(emails.size());

    HttpResponse<String> trail = app.get(ws(w) + "/audit?action=marketing_queued");
    assertThat(trail.statusCode()).as(trail.body()).isEqualTo(200);
    JsonNode items = json(trail).path("items");
    assertThat(items).hasSize(1);
    assertThat(items.get(0).path("targetType").asText()).isEqualTo("purpose");
    assertThat(items.get(0).path("details").path("count").asText()).isEqualTo(String.valueOf(count));
    TestApp.awaitEmptyOutbox(db);
    long withSubject = java.util.Arrays.stream(TestApp.SMTP.getReceivedMessages()).skip(received)
        .filter(m -> {
          try {
            return subject.equals(m.getSubject());
          } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
          }
        }).count();
    assertThat(withSubject).as("only the committed send's mails went out").isEqualTo(count);
  }
}
