package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.app.AccountConfig;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /api/v1/me/export} on a real socket: an account's own data as a ZIP, holding its
 * markers and no other account's, and no secret nor a hash of one (DSR-01, DSR-06); 3 an hour.
 */
class MyDataExportApiTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UNIQUE = UUID.randomUUID().toString().substring(0, 8);
  private static final String PATH = "/api/v1/me/export";
  private static final Pattern HEX_64 = Pattern.compile("(?i)(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])");

  private static TestApp app;

  @BeforeAll
  static void start() {
    Map<String, String> env = TestApp.environmentFor(db);
    env.put(AccountConfig.THROTTLE_LIMIT, "1000"); // many sign-ups from one address
    app = TestApp.start(env);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  @DisplayName("DSR-01: the ZIP holds the account's profile, memberships, sessions, sign-ins and processing; "
      + "no other account's data, no secret nor a hash of one")
  void theZipHoldsTheAccountsOwnDataOnly() throws Exception {
    String agent = "MyDataBrowser/" + UNIQUE;
    String otherAgent = "OtherBrowser/" + UNIQUE;
    String workspaceName = "Mine " + UNIQUE;
    String otherWorkspaceName = "Theirs " + UNIQUE;
    TestApp.Client grace = app.newClient().signUpAndSignIn();
    TestApp.Client again = app.newClient();
    assertThat(login(again, grace.email(), grace.password(), agent).statusCode()).isEqualTo(200);
    assertThat(again.postJson("/api/v1/workspaces", "{\"name\":\"" + workspaceName + "\"}").statusCode())
        .isEqualTo(201);
    TestApp.Client bob = app.newClient().signUpAndSignIn();
    assertThat(bob.postJson("/api/v1/workspaces", "{\"name\":\"" + otherWorkspaceName + "\"}").statusCode())
        .isEqualTo(201);
    assertThat(login(app.newClient(), bob.email(), bob.password(), otherAgent).statusCode()).isEqualTo(200);

    HttpResponse<byte[]> response = again.sendBytes(HttpRequest.newBuilder(app.uri(PATH)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
    Map<String, String> entries = unzip(response.body());
    assertThat(entries.keySet()).containsExactly("profile.csv", "memberships.csv", "sessions.csv", "sign-ins.csv",
        "processing.csv", "profile.ndjson", "memberships.ndjson", "sessions.ndjson", "sign-ins.ndjson",
        "processing.ndjson");
    JsonNode profile = JSON.readTree(entries.get("profile.ndjson"));
    assertThat(profile.path("email").asText()).isEqualTo(grace.email());
    assertThat(profile.path("id").asText()).isEqualTo(TestApp.accountIdOf(db, grace.email()));
    assertThat(entries.get("profile.csv")).contains(grace.email());
    assertThat(entries.get("memberships.csv")).contains(workspaceName).contains("owner");
    assertThat(entries.get("memberships.ndjson")).contains(workspaceName);
    assertThat(entries.get("sessions.ndjson").lines()).as("both sign-ins' sessions").hasSize(2)
        .allSatisfy(line -> assertThat(JSON.readTree(line).path("lastSeenAt").asText()).isNotEmpty());
    assertThat(entries.get("sign-ins.csv")).contains(agent).contains("sign_in_succeeded").contains("127.0.0.1");
    assertThat(entries.get("sign-ins.ndjson")).contains(agent);
    assertThat(entries.get("processing.ndjson").lines().map(this::tree))
        .anySatisfy(c -> {
          assertThat(c.path("dataClass").asText()).isEqualTo("account");
          assertThat(c.path("legalBasis").asText()).isNotEmpty();
          assertThat(c.path("retention").asText()).isNotEmpty();
        })
        .anySatisfy(c -> assertThat(c.path("dataClass").asText()).isEqualTo("platform_audit_trail"))
        .noneSatisfy(c -> assertThat(c.path("category").asText()).isEqualTo("crm_data"));

    String all = String.join("\n", entries.values());
    String raw = new String(response.body(), StandardCharsets.ISO_8859_1);
    for (String text : new String[] {all, raw}) {
      assertThat(text).doesNotContain(bob.email()).doesNotContain(otherWorkspaceName).doesNotContain(otherAgent)
          .doesNotContain("$argon2").doesNotContain(passwordHashOf(grace.email()))
          .doesNotContain(again.sessionToken()).doesNotContain(grace.sessionToken())
          .doesNotContain(TokenHash.of(again.sessionToken())).doesNotContain(TokenHash.of(grace.sessionToken()));
      assertThat(TestApp.SESSION_TOKEN.matcher(text).find()).as("no session token").isFalse();
    }
    assertThat(HEX_64.matcher(all).find()).as("no SHA-256 in hex (a token's hash) anywhere").isFalse();
    assertThat(TestApp.platformAuditActionsOf(db, TestApp.accountIdOf(db, grace.email())))
        .contains("account_data_exported");
    assertThat(TestApp.platformAuditActionsOf(db, TestApp.accountIdOf(db, bob.email())))
        .doesNotContain("account_data_exported");
  }

  @Test
  @DisplayName("DSR-06: 3 exports an hour per account; the 4th answers 429 with Retry-After, another account's are not counted")
  void theFourthExportInAnHourIsRateLimited() throws Exception {
    TestApp.Client ada = app.newClient().signUpAndSignIn();
    for (int i = 0; i < 3; i++) {
      assertThat(ada.sendBytes(HttpRequest.newBuilder(app.uri(PATH))).statusCode()).isEqualTo(200);
    }
    HttpResponse<String> refused = ada.get(PATH);
    ApiTestSupport.assertProblem(refused, 429, "/problems/rate-limited");
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    TestApp.Client other = app.newClient().signUpAndSignIn();
    assertThat(other.sendBytes(HttpRequest.newBuilder(app.uri(PATH))).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("DSR-01: signed out, the export answers 401")
  void signedOutIsUnauthenticated() throws Exception {
    ApiTestSupport.assertProblem(app.newClient().get(PATH), 401, "/problems/unauthenticated");
  }

  private JsonNode tree(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> unzip(byte[] body) throws Exception {
    Map<String, String> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(body))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }

  private static String passwordHashOf(String email) throws Exception {
    try (Connection c = db.superuserConnection(); PreparedStatement st = c.prepareStatement(
        "select password_hash from accounts where email_normalised = lower(?)")) {
      st.setString(1, email);
      try (ResultSet rs = st.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }

  private static HttpResponse<String> login(TestApp.Client client, String email, String password, String agent)
      throws Exception {
    return client.sendAsIs(HttpRequest.newBuilder(app.uri("/api/v1/auth/login"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
        .header("Content-Type", "application/json").header("Origin", app.origin()).header("User-Agent", agent));
  }
}
