package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.app.AccountConfig;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The consent API tests' one set-up, as a JUnit extension on a static field: the test class's own
 * PostgreSQL database, the server started on it (mailing through the loopback SMTP server
 * {@link TestApp#SMTP}, on the given clock and throttle), signed in, with two workspaces {@link #a}
 * and {@link #b}; and the small calls those tests share (a contact, a recording, an opt-in request,
 * its confirmation).
 */
final class ConsentApiFixture implements BeforeAllCallback, AfterAllCallback {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestDatabase db = new TestDatabase();
  private final Optional<Clock> clock;
  private final Map<String, String> settings;
  private TestApp app;
  private String a;
  private String b;

  private ConsentApiFixture(Optional<Clock> clock, Map<String, String> settings) {
    this.clock = clock;
    this.settings = Map.copyOf(settings);
  }

  /** On the system clock, with the server's default throttle. */
  static ConsentApiFixture standard() {
    return new ConsentApiFixture(Optional.empty(), Map.of());
  }

  /** On a clock the test moves. */
  ConsentApiFixture on(Clock testClock) {
    return new ConsentApiFixture(Optional.of(testClock), settings);
  }

  /** With {@code CRM_THROTTLE_LIMIT}, for tests that count forged links or confirmations by the hundred. */
  ConsentApiFixture throttleLimit(int limit) {
    Map<String, String> more = new HashMap<>(settings);
    more.put(AccountConfig.THROTTLE_LIMIT, String.valueOf(limit));
    return new ConsentApiFixture(clock, more);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    db.beforeAll(context);
    Map<String, String> env = TestApp.environmentFor(db);
    env.putAll(settings);
    app = (clock.isPresent() ? TestApp.start(env, clock.get()) : TestApp.start(env)).signIn();
    a = workspace();
    b = workspace();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      if (app != null) {
        app.close();
      }
    } finally {
      db.afterAll(context);
    }
  }

  TestDatabase db() {
    return db;
  }

  TestApp app() {
    return app;
  }

  /** The first of the two workspaces made at the start. */
  String a() {
    return a;
  }

  /** The second of the two workspaces made at the start. */
  String b() {
    return b;
  }

  /** A new workspace of the signed-in account: its id. */
  String workspace() throws Exception {
    return ApiTestSupport.workspace(app);
  }

  static String ws(String workspace) {
    return "/api/v1/workspaces/" + workspace;
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  /** Adds the contact Grace Hopper with {@code email}: its id. */
  String contact(String workspace, String email) throws Exception {
    HttpResponse<String> created = app.postJson(ws(workspace) + "/contacts",
        "{\"firstName\":\"Grace\",\"lastName\":\"Hopper\",\"email\":\"" + email + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).path("id").asText();
  }

  /** Adds the contact Grace Hopper with an address of her own: its id. */
  String contact(String workspace) throws Exception {
    return contact(workspace, "grace." + UUID.randomUUID() + "@example.org");
  }

  /** {@code POST .../consent/events} with notice version {@code 2026-11}. */
  HttpResponse<String> record(String workspace, String contactId, String purpose, String kind, String source)
      throws Exception {
    return app.postJson(ws(workspace) + "/consent/events", "{\"contactId\":\"" + contactId + "\",\"purpose\":\""
        + purpose + "\",\"kind\":\"" + kind + "\",\"source\":\"" + source + "\",\"noticeVersion\":\"2026-11\"}");
  }

  /** {@code POST .../consent/requests}: an opt-in mail, notice version {@code 2026-11}. */
  HttpResponse<String> request(String workspace, String contactId, String purpose) throws Exception {
    return app.postJson(ws(workspace) + "/consent/requests", "{\"contactId\":\"" + contactId + "\",\"purpose\":\""
        + purpose + "\",\"noticeVersion\":\"2026-11\"}");
  }

  /** The person's {@code POST /api/v1/public/consent/confirm} of a mailed token. */
  HttpResponse<String> confirm(String token) throws Exception {
    return app.postJson("/api/v1/public/consent/confirm", "{\"token\":\"" + token + "\"}");
  }
}
