package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.app.AccountConfig;
import dev.custodian.crm.app.SuiteLanes;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.http.common.SessionCookie;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Sessions over a real socket on real PostgreSQL: sign-in, the cookie, rotation, the absolute
 * lifetime, sign-out, the password change and reset, the CSRF check and one's own profile. Time
 * moves through the server's clock; every client is a fresh account, so tests do not share state.
 */
@Execution(ExecutionMode.CONCURRENT) // it mostly waits: it runs beside the others (SuiteLanes)
@ResourceLock(SuiteLanes.SHARED_OBSERVERS)
class SessionApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
  private static TestApp app;

  @BeforeAll
  static void start() {
    Map<String, String> env = TestApp.environmentFor(db);
    env.put(AccountConfig.THROTTLE_LIMIT, "1000"); // this class is about sessions; SEC-07 is ThrottleApiTest's
    app = TestApp.start(env, clock);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static TestApp.Client member() throws Exception {
    return app.newClient().signUpAndSignIn();
  }

  private static HttpResponse<String> login(TestApp.Client client, String email, String password) throws Exception {
    return client.postJson("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
  }

  @Test
  @DisplayName("ACC-08, TEL-07: sign-in sets exactly one cookie, __Host-crm_session with its attributes; the body names the account, never the token")
  void signInSetsTheOneCookie() throws Exception {
    TestApp.Client member = member();
    TestApp.Client again = app.newClient();
    HttpResponse<String> login = login(again, member.email(), member.password());

    assertThat(login.statusCode()).isEqualTo(200);
    List<String> cookies = login.headers().allValues("Set-Cookie");
    assertThat(cookies).singleElement().satisfies(cookie -> assertThat(cookie).matches(
        "__Host-crm_session=ses_[A-Za-z0-9_-]{43}; Max-Age=2592000; Path=/; Secure; HttpOnly; SameSite=Lax"));
    JsonNode body = JSON.readTree(login.body());
    assertThat(body.path("accountId").asText()).isEqualTo(JSON.readTree(again.get("/api/v1/me").body()).path("id").asText());
    assertThat(Instant.parse(body.path("sessionExpiresAt").asText())).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
    assertThat(login.body()).doesNotContain(again.sessionToken());
    assertThat(again.sessionToken()).isNotEqualTo(member.sessionToken()).as("a sign-in always starts a new session");
  }

  @Test
  @DisplayName("ACC-05: a session token is its prefix and 32 random bytes, stored only as its SHA-256; a revoked one gets 401")
  void tokensAreStoredOnlyAsHashes_andRevokedOnesAreRefused() throws Exception {
    TestApp.Client member = member();
    String token = member.sessionToken();
    assertThat(token).matches("ses_[A-Za-z0-9_-]{43}");
    assertThat(Base64.getUrlDecoder().decode(token.substring(4))).hasSize(32);

    List<String> rows = TestApp.everyRowAsText(db, "sessions", "session_tokens");
    assertThat(rows).noneMatch(row -> row.contains(token));
    assertThat(rows).noneMatch(row -> row.contains(token.substring(4)));
    assertThat(rows).as("the positive control: its SHA-256 is there").anyMatch(row -> row.contains(TokenHash.of(token)));

    HttpResponse<String> logout = member.postJson("/api/v1/auth/logout", "{}");
    assertThat(logout.statusCode()).isEqualTo(204);
    assertThat(logout.headers().firstValue("Set-Cookie")).hasValue(SessionCookie.NAME
        + "=; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Lax");
    assertThat(member.sessionToken()).isNull();
    member.useSessionToken(token);
    ApiTestSupport.assertProblem(member.get("/api/v1/me"), 401, "/problems/unauthenticated");
  }

  @Test
  @DisplayName("ACC-06: a session used every day is refused 30 days after sign-in")
  void aSessionEndsAfterThirtyDaysWhateverItsActivity() throws Exception {
    TestApp.Client member = member();
    Instant signedIn = clock.instant();
    for (int day = 1; day < 30; day++) {
      clock.set(signedIn.plus(Duration.ofDays(day)));
      HttpResponse<String> me = member.get("/api/v1/me");
      assertThat(me.statusCode()).as("day %d", day).isEqualTo(200);
      String maxAge = "; Max-Age=" + (30 - day) * 86_400 + ";";
      assertThat(me.headers().firstValue("Set-Cookie")).as("a daily request rotates the token")
          .hasValueSatisfying(cookie -> assertThat(cookie).contains(maxAge));
    }
    clock.set(signedIn.plus(Duration.ofDays(30)));
    ApiTestSupport.assertProblem(member.get("/api/v1/me"), 401, "/problems/unauthenticated");
  }

  @Test
  @DisplayName("ACC-07: after 15 min a request gets a new token; the old one works 30 s more, is refused after, and its use ends the new one too")
  void tokensRotate_andAReplayedOldTokenEndsTheSession() throws Exception {
    TestApp.Client member = member();
    String first = member.sessionToken();
    clock.advance(Duration.ofMinutes(14));
    assertThat(member.get("/api/v1/me").headers().firstValue("Set-Cookie")).as("younger than 15 min: kept").isEmpty();

    clock.advance(Duration.ofMinutes(1));
    HttpResponse<String> rotated = member.get("/api/v1/me");
    assertThat(rotated.statusCode()).isEqualTo(200);
    String second = member.sessionToken();
    assertThat(second).isNotEqualTo(first);

    clock.advance(Duration.ofSeconds(29));
    member.useSessionToken(first);
    HttpResponse<String> racing = member.get("/api/v1/me");
    assertThat(racing.statusCode()).as("within the grace period").isEqualTo(200);
    assertThat(racing.headers().firstValue("Set-Cookie")).as("a racing request mints nothing").isEmpty();

    clock.advance(Duration.ofSeconds(2));
    ApiTestSupport.assertProblem(member.get("/api/v1/me"), 401, "/problems/unauthenticated");
    member.useSessionToken(second);
    ApiTestSupport.assertProblem(member.get("/api/v1/me"), 401, "/problems/unauthenticated");
    assertThat(revocationReasonOf(second)).isEqualTo("TOKEN_REUSED");
    assertThat(TestApp.platformAuditActionsOf(db, TestApp.accountIdOf(db, member.email()))).as("SEC-09: the reuse is audited")
        .contains("token_reuse_detected");
  }

  @Test
  @DisplayName("ACC-07: a workspace route rotates a due token in its use case's transaction: the new one comes back when it commits, not when it is refused; a replayed old one ends the session there too")
  void workspaceRoutesRotateInTheirUseCasesTransaction() throws Exception {
    TestApp.Client member = member();
    HttpResponse<String> opened = member.postJson("/api/v1/workspaces", "{\"name\":\"Rotation\"}");
    String contacts = "/api/v1/workspaces/" + JSON.readTree(opened.body()).path("id").asText() + "/contacts";
    String first = member.sessionToken();

    clock.advance(Duration.ofMinutes(16));
    HttpResponse<String> refused = member.get(contacts + "/" + UUID.randomUUID());
    ApiTestSupport.assertProblem(refused, 404, "/problems/not-found");
    assertThat(refused.headers().firstValue("Set-Cookie")).as("its transaction rolled back, rotation and all").isEmpty();
    assertThat(member.sessionToken()).isEqualTo(first);

    HttpResponse<String> listed = member.get(contacts);
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.headers().firstValue("Set-Cookie")).isPresent();
    String second = member.sessionToken();
    assertThat(second).isNotEqualTo(first);
    assertThat(member.get(contacts).headers().firstValue("Set-Cookie")).as("the new token is current").isEmpty();

    clock.advance(Duration.ofSeconds(31));
    member.useSessionToken(first);
    ApiTestSupport.assertProblem(member.get(contacts), 401, "/problems/unauthenticated");
    assertThat(revocationReasonOf(second)).as("committed, though the request was refused").isEqualTo("TOKEN_REUSED");
    member.useSessionToken(second);
    ApiTestSupport.assertProblem(member.get(contacts), 401, "/problems/unauthenticated");
  }

  @Test
  void aRotatedTokenReachesTheClient_evenWhenItsRequestIsRefused() throws Exception {
    TestApp.Client member = member();
    String first = member.sessionToken();
    clock.advance(Duration.ofMinutes(16));
    HttpResponse<String> refused = member.get("/api/v1/workspaces?limit=0");

    ApiTestSupport.assertProblem(refused, 400, "/problems/validation");
    assertThat(refused.headers().firstValue("Set-Cookie")).isPresent();
    assertThat(member.sessionToken()).isNotEqualTo(first);
    clock.advance(Duration.ofMinutes(1));
    assertThat(member.get("/api/v1/me").statusCode()).as("the new token works").isEqualTo(200);
  }

  @Test
  @DisplayName("ACC-07: after a password change another client's session gets 401 while the changer's new one works")
  void aPasswordChangeEndsEveryOtherSession() throws Exception {
    TestApp.Client changer = member();
    TestApp.Client other = app.newClient().signIn(changer.email(), changer.password());
    String before = changer.sessionToken();
    String newPassword = "a brand new passphrase " + UUID.randomUUID();

    HttpResponse<String> changed = changer.postJson("/api/v1/me/password",
        "{\"current\":\"" + changer.password() + "\",\"new\":\"" + newPassword + "\"}");

    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
    assertThat(changer.sessionToken()).isNotNull().isNotEqualTo(before);
    assertThat(changer.get("/api/v1/me").statusCode()).isEqualTo(200);
    ApiTestSupport.assertProblem(other.get("/api/v1/me"), 401, "/problems/unauthenticated");
    assertThat(login(app.newClient(), changer.email(), changer.password()).statusCode()).isEqualTo(401);
    assertThat(login(app.newClient(), changer.email(), newPassword).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("ACC-07: after a password reset by mail every session of the account gets 401")
  void aPasswordResetEndsEverySession() throws Exception {
    TestApp.Client member = member();
    assertThat(app.newClient().postJson("/api/v1/auth/password-reset", "{\"email\":\"" + member.email() + "\"}")
        .statusCode()).isEqualTo(202);
    String token = TestApp.awaitMail(member.email(), "Reset your password").get(1);
    String newPassword = "reset to another passphrase " + UUID.randomUUID();
    assertThat(app.newClient().postJson("/api/v1/auth/password-reset/confirm",
        "{\"token\":\"" + token + "\",\"password\":\"" + newPassword + "\"}").statusCode()).isEqualTo(204);

    ApiTestSupport.assertProblem(member.get("/api/v1/me"), 401, "/problems/unauthenticated");
    assertThat(login(app.newClient(), member.email(), newPassword).statusCode()).isEqualTo(200);
    assertThat(TestApp.platformAuditActionsOf(db, TestApp.accountIdOf(db, member.email()))).as("SEC-09: the reset is audited")
        .contains("password_reset");
  }

  @Test
  void aWrongCurrentPassword_isReauthenticationFailed_andChangesNothing() throws Exception {
    TestApp.Client member = member();
    String hashBefore = passwordHashOf(member.email());
    HttpResponse<String> refused = member.postJson("/api/v1/me/password",
        "{\"current\":\"not the password at all, sorry\",\"new\":\"" + "another passphrase " + UUID.randomUUID() + "\"}");

    ApiTestSupport.assertProblem(refused, 403, "/problems/reauthentication-failed");
    assertThat(passwordHashOf(member.email())).isEqualTo(hashBefore);
    assertThat(member.get("/api/v1/me").statusCode()).as("the session goes on").isEqualTo(200);
  }

  @Test
  void anUnknownEmailAndAWrongPassword_getTheSameAnswer() throws Exception {
    TestApp.Client member = member();
    HttpResponse<String> wrongPassword = login(app.newClient(), member.email(), "not the password, but long enough");
    HttpResponse<String> unknownEmail = login(app.newClient(), "nobody." + UUID.randomUUID() + "@example.org",
        "not the password, but long enough");

    ApiTestSupport.assertProblem(wrongPassword, 401, "/problems/unauthenticated");
    assertThat(unknownEmail.statusCode()).isEqualTo(wrongPassword.statusCode());
    assertThat(unknownEmail.body()).isEqualTo(wrongPassword.body());
    assertThat(unknownEmail.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void anUnverifiedAccount_isToldSo_onlyAfterTheRightPassword() throws Exception {
    String email = "unverified." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    String password = "an unverified passphrase " + UUID.randomUUID();
    assertThat(app.newClient().postJson("/api/v1/auth/signup", "{\"name\":\"Una Verified\",\"email\":\"" + email
        + "\",\"password\":\"" + password + "\",\"ageConfirmed\":true}").statusCode()).isEqualTo(202);

    ApiTestSupport.assertProblem(login(app.newClient(), email, "the wrong passphrase entirely"), 401,
        "/problems/unauthenticated");
    HttpResponse<String> right = login(app.newClient(), email, password);
    ApiTestSupport.assertProblem(right, 403, "/problems/email-not-verified");
    assertThat(right.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  @DisplayName("DSR-03: a name changed through PATCH /api/v1/me is what GET then shows")
  void theProfileCanBeCorrected() throws Exception {
    TestApp.Client member = member();
    HttpResponse<String> patched = member.json("PATCH", "/api/v1/me", "application/merge-patch+json",
        "{\"name\":\"Ada King\",\"organisation\":\"Analytical Engines Ltd\"}");
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);

    JsonNode me = JSON.readTree(member.get("/api/v1/me").body());
    assertThat(me.path("name").asText()).isEqualTo("Ada King");
    assertThat(me.path("organisation").asText()).isEqualTo("Analytical Engines Ltd");
    assertThat(me.path("email").asText()).isEqualTo(member.email());
    assertThat(me.has("passwordHash")).isFalse();

    member.json("PATCH", "/api/v1/me", "application/merge-patch+json", "{\"organisation\":null}");
    assertThat(JSON.readTree(member.get("/api/v1/me").body()).has("organisation")).isFalse();
  }

  @Test
  @DisplayName("DSR-03: bad input answers 400 naming each field and changes nothing")
  void badInputNamesEachField_andChangesNothing() throws Exception {
    TestApp.Client member = member();
    String profileBefore = member.get("/api/v1/me").body();
    String hashBefore = passwordHashOf(member.email());

    assertFields(member.json("PATCH", "/api/v1/me", "application/merge-patch+json",
        "{\"name\":null,\"nickname\":\"Ada\"}"), "#/name", "#/nickname");
    assertFields(app.newClient().postJson("/api/v1/auth/login", "{\"email\":\"not-an-email\"}"), "#/email", "#/password");
    assertFields(member.postJson("/api/v1/me/password",
        "{\"current\":\"" + member.password() + "\",\"new\":\"fourteen chars\"}"), "#/new");
    assertFields(member.postJson("/api/v1/me/password", "{\"new\":\"" + "another passphrase " + UUID.randomUUID()
        + "\"}"), "#/current");

    assertThat(member.get("/api/v1/me").body()).isEqualTo(profileBefore);
    assertThat(passwordHashOf(member.email())).isEqualTo(hashBefore);
  }

  @Test
  @DisplayName("CSRF: with the cookie, a cross-origin POST and one naming no origin get 403 and store nothing; our origin succeeds")
  void unsafeRequestsWithTheCookieMustComeFromOurOrigin() throws Exception {
    TestApp.Client member = member();
    long workspaces = TestApp.count(db, "workspaces");
    String body = "{\"name\":\"Cross origin\"}";

    ApiTestSupport.assertProblem(member.json("POST", "/api/v1/workspaces", "application/json", body,
        "Origin", "http://attacker.example"), 403, "/problems/cross-origin");
    ApiTestSupport.assertProblem(member.json("POST", "/api/v1/workspaces", "application/json", body,
        "Origin", "null"), 403, "/problems/cross-origin");
    ApiTestSupport.assertProblem(member.sendAsIs(HttpRequest.newBuilder(app.uri("/api/v1/workspaces"))
        .header("Cookie", SessionCookie.NAME + "=" + member.sessionToken())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))), 403, "/problems/cross-origin");
    ApiTestSupport.assertProblem(member.json("POST", "/api/v1/workspaces", "application/json", body,
        "Referer", "http://attacker.example/page"), 403, "/problems/cross-origin");
    assertThat(TestApp.count(db, "workspaces")).isEqualTo(workspaces);

    assertThat(member.json("POST", "/api/v1/workspaces", "application/json", body, "Origin", app.origin())
        .statusCode()).isEqualTo(201);
    assertThat(member.json("POST", "/api/v1/workspaces", "application/json", body,
        "Referer", app.origin() + "/some/page").statusCode()).isEqualTo(201);
    assertThat(TestApp.count(db, "workspaces")).isEqualTo(workspaces + 2);
  }

  @Test
  void aSignInWithoutOurOrigin_isRefused_evenWithoutACookie() throws Exception {
    TestApp.Client member = member();
    ApiTestSupport.assertProblem(app.newClient().sendAsIs(HttpRequest.newBuilder(app.uri("/api/v1/auth/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + member.email() + "\",\"password\":\""
            + member.password() + "\"}"))), 403, "/problems/cross-origin");
  }

  @Test
  void anOutdatedHashIsUpgradedAtSignIn() throws Exception {
    TestApp.Client member = member();
    assertThat(passwordHashOf(member.email())).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    Map<String, String> stronger = TestApp.environmentFor(db);
    stronger.put(AccountConfig.ARGON2_ITERATIONS, "3");
    try (TestApp upgraded = TestApp.start(stronger, clock)) {
      assertThat(login(upgraded.newClient(), member.email(), member.password()).statusCode()).isEqualTo(200);
    }
    assertThat(passwordHashOf(member.email())).startsWith("$argon2id$v=19$m=19456,t=3,p=1$");
    assertThat(login(app.newClient(), member.email(), member.password()).statusCode())
        .as("the new hash verifies with the old settings too").isEqualTo(200);
  }

  private static void assertFields(HttpResponse<String> response, String... pointers) throws Exception {
    ApiTestSupport.assertProblem(response, 400, "/problems/validation");
    assertThat(JSON.readTree(response.body()).path("errors").findValuesAsText("pointer"))
        .containsExactlyInAnyOrder(pointers);
  }

  private static String passwordHashOf(String email) throws Exception {
    return column("select password_hash from accounts where email_normalised = lower(?)", email);
  }

  private static String revocationReasonOf(String token) throws Exception {
    return column("select s.revocation_reason from sessions s join session_tokens t on t.session_id = s.id"
        + " where t.token_hash = ?", TokenHash.of(token));
  }

  private static String column(String sql, String parameter) throws Exception {
    try (Connection c = db.superuserConnection(); PreparedStatement st = c.prepareStatement(sql)) {
      st.setString(1, parameter);
      try (ResultSet rs = st.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }
}
