package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.app.AccountConfig;
import dev.custodian.crm.app.SuiteLanes;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Members, invitations and API keys over a real socket on real PostgreSQL, invitations mailed
 * through the SMTP adapter to a real SMTP server on loopback, time moved through the server's clock.
 */
@Execution(ExecutionMode.CONCURRENT) // it mostly waits: it runs beside the others (SuiteLanes)
@ResourceLock(SuiteLanes.SHARED_OBSERVERS)
class AccessApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INVITATION_SUBJECT = ApiTestSupport.INVITATION_SUBJECT;

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
  private static TestApp app;

  @BeforeAll
  static void start() {
    Map<String, String> env = TestApp.environmentFor(db);
    env.put(AccountConfig.THROTTLE_LIMIT, "1000"); // many sign-ups from one address; SEC-07 is ThrottleApiTest's
    app = TestApp.start(env, clock);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  /** A new signed-in owner of a new workspace; returns the owner and the workspace's path. */
  private record Owned(TestApp.Client owner, String workspace) {
    String path(String rest) {
      return "/api/v1/workspaces/" + workspace + rest;
    }
  }

  private static Owned owned() throws Exception {
    TestApp.Client owner = app.newClient().signUpAndSignIn();
    HttpResponse<String> created = owner.postJson("/api/v1/workspaces", "{\"name\":\"Access test\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    return new Owned(owner, JSON.readTree(created.body()).path("id").asText());
  }

  /** A new contact of the workspace, made by its owner; returns its id. */
  private static String contact(Owned w) throws Exception {
    String email = "contact." + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    HttpResponse<String> created = w.owner().postJson(w.path("/contacts"),
        "{\"firstName\":\"Con\",\"lastName\":\"Tact\",\"email\":\"" + email + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).path("id").asText();
  }

  private static String idOf(TestApp.Client client) throws Exception {
    return JSON.readTree(client.get("/api/v1/me").body()).path("id").asText();
  }

  private static HttpResponse<String> invite(Owned w, TestApp.Client by, String email, String role) throws Exception {
    return by.postJson(w.path("/invitations"), "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}");
  }

  /** A new account that joins with {@code role}. */
  private static TestApp.Client join(Owned w, String role) throws Exception {
    return ApiTestSupport.joined(app, w.owner(), w.path(""), role);
  }

  private static HttpResponse<String> changeRole(Owned w, TestApp.Client by, String account, String role) throws Exception {
    return by.json("PATCH", w.path("/members/" + account), "application/json", "{\"role\":\"" + role + "\"}");
  }

  private static long owners(Owned w) throws Exception {
    return TestApp.count(db, "memberships where workspace_id = '" + w.workspace() + "' and role = 'OWNER'");
  }

  @Test
  @DisplayName("SEC-08: the last owner cannot leave, be removed or be demoted")
  void theLastOwnerStays() throws Exception {
    Owned w = owned();
    String owner = idOf(w.owner());
    ApiTestSupport.assertProblem(w.owner().delete(w.path("/members/" + owner)), 409, "/problems/last-owner");
    ApiTestSupport.assertProblem(changeRole(w, w.owner(), owner, "admin"), 409, "/problems/last-owner");
    TestApp.Client second = join(w, "owner");
    assertThat(second.delete(w.path("/members/" + owner)).statusCode()).as("an owner removes another").isEqualTo(204);
    ApiTestSupport.assertProblem(second.delete(w.path("/members/" + idOf(second))), 409, "/problems/last-owner");
    ApiTestSupport.assertProblem(changeRole(w, second, idOf(second), "viewer"), 409, "/problems/last-owner");
    assertThat(owners(w)).isEqualTo(1);
  }

  @Test
  @DisplayName("SEC-08: two owners demoting each other at once leave exactly one owner")
  void twoOwnersDemotingEachOtherLeaveOne() throws Exception {
    Owned w = owned();
    TestApp.Client second = join(w, "owner");
    String first = idOf(w.owner());
    String other = idOf(second);
    CountDownLatch go = new CountDownLatch(1);
    CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> demote(go, w, w.owner(), other));
    CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> demote(go, w, second, first));
    go.countDown();
    List<Integer> statuses = new ArrayList<>(List.of(a.get(), b.get()));
    // Serialised: one demotes the other; the other either finds itself the last owner (409) or was
    // already demoted and may no longer manage owners (403).
    assertThat(statuses).contains(200).hasSize(2);
    assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    assertThat(owners(w)).isEqualTo(1);
  }

  private static int demote(CountDownLatch go, Owned w, TestApp.Client by, String account) {
    try {
      go.await();
      return changeRole(w, by, account, "admin").statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("SEC-08: an ADMIN can neither grant OWNER nor demote an OWNER, nor grant above ADMIN")
  void anAdminCannotTouchOwners() throws Exception {
    Owned w = owned();
    TestApp.Client admin = join(w, "admin");
    TestApp.Client member = join(w, "member");
    String owner = idOf(w.owner());
    ApiTestSupport.assertProblem(changeRole(w, admin, idOf(member), "owner"), 403, "/problems/forbidden");
    ApiTestSupport.assertProblem(changeRole(w, admin, owner, "member"), 403, "/problems/forbidden");
    ApiTestSupport.assertProblem(admin.delete(w.path("/members/" + owner)), 403, "/problems/forbidden");
    ApiTestSupport.assertProblem(invite(w, admin, "new.owner@example.org", "owner"), 403, "/problems/forbidden");
    assertThat(changeRole(w, admin, idOf(member), "viewer").statusCode()).isEqualTo(200);
    assertThat(owners(w)).isEqualTo(1);
    JsonNode members = JSON.readTree(w.owner().get(w.path("/members")).body()).path("items");
    assertThat(members).hasSize(3);
    assertThat(members.findValuesAsText("role")).containsExactlyInAnyOrder("owner", "admin", "viewer");
  }

  @Test
  @DisplayName("SEC-08: an invitation mailed over SMTP makes the invited account a member once; a second use, another account and an expired one fail; no table holds the token")
  void invitationsWorkOnceForTheInvitedAccountOnly() throws Exception {
    Owned w = owned();
    TestApp.Client invited = app.newClient().signUpAndSignIn();
    TestApp.Client someoneElse = app.newClient().signUpAndSignIn();
    assertThat(invite(w, w.owner(), invited.email(), "member").statusCode()).isEqualTo(201);
    String token = TestApp.awaitMail(invited.email(), INVITATION_SUBJECT).get(1);
    assertThat(token).startsWith("inv_");
    assertThat(TestApp.everyRowAsText(db, "invitations", "mail_tokens")).noneMatch(row -> row.contains(token))
        .anyMatch(row -> row.contains(TokenHash.of(token)));

    String accept = "{\"token\":\"" + token + "\"}";
    ApiTestSupport.assertProblem(someoneElse.postJson("/api/v1/invitations/accept", accept), 404, "/problems/not-found");
    HttpResponse<String> accepted = invited.postJson("/api/v1/invitations/accept", accept);
    assertThat(accepted.statusCode()).as("the other account's try did not spend it").isEqualTo(200);
    assertThat(JSON.readTree(accepted.body()).path("role").asText()).isEqualTo("member");
    ApiTestSupport.assertProblem(invited.postJson("/api/v1/invitations/accept", accept), 400, "/problems/invalid-token");
    assertThat(invited.get(w.path("/contacts")).statusCode()).as("a member now").isEqualTo(200);
    ApiTestSupport.assertProblem(invite(w, w.owner(), invited.email(), "viewer"), 409, "/problems/duplicate");

    TestApp.Client late = app.newClient().signUpAndSignIn();
    assertThat(invite(w, w.owner(), late.email(), "viewer").statusCode()).isEqualTo(201);
    String lateToken = TestApp.awaitMail(late.email(), INVITATION_SUBJECT).get(1);
    clock.advance(Duration.ofDays(7).plusMinutes(1));
    ApiTestSupport.assertProblem(late.postJson("/api/v1/invitations/accept", "{\"token\":\"" + lateToken + "\"}"), 400,
        "/problems/invalid-token");
    assertThat(late.get(w.path("/contacts")).statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("SEC-08: an API key works at its role on its own workspace only, is capped by its creator's role, dies when revoked or when its creator leaves; only its SHA-256 is kept; its last use advances")
  void apiKeysActWithinTheirBounds() throws Exception {
    Owned w = owned();
    Owned other = owned();
    TestApp.Client admin = join(w, "admin");
    HttpResponse<String> created = admin.postJson(w.path("/api-keys"), "{\"name\":\"Importer\",\"role\":\"admin\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode body = JSON.readTree(created.body());
    String key = body.path("key").asText();
    String keyId = body.path("id").asText();
    assertThat(key).matches("crmk_[A-Za-z0-9_-]{43}");
    assertThat(TestApp.everyRowAsText(db, "api_keys")).noneMatch(row -> row.contains(key))
        .anyMatch(row -> row.contains(TokenHash.of(key)));
    assertThat(w.owner().get(w.path("/api-keys")).body()).doesNotContain(key).contains("Importer");

    assertThat(withKey(key, "GET", w.path("/contacts"), null).statusCode()).isEqualTo(200);
    assertThat(withKey(key, "POST", w.path("/contacts/" + contact(w) + "/erasure"), null).statusCode())
        .as("an ADMIN key erases").isEqualTo(200);
    ApiTestSupport.assertProblem(withKey(key, "GET", other.path("/contacts"), null), 404, "/problems/not-found");
    assertThat(withKey(key, "GET", w.path("/members"), null).statusCode()).isEqualTo(200);
    ApiTestSupport.assertProblem(withKey(key, "POST", w.path("/api-keys"), "{\"name\":\"More\",\"role\":\"viewer\"}"),
        403, "/problems/forbidden");
    ApiTestSupport.assertProblem(withKey(key, "GET", "/api/v1/me", null), 401, "/problems/unauthenticated");

    Instant firstUse = lastUsed(keyId);
    clock.advance(Duration.ofSeconds(30));
    withKey(key, "GET", w.path("/contacts"), null);
    assertThat(lastUsed(keyId)).as("written at most once a minute").isEqualTo(firstUse);
    clock.advance(Duration.ofSeconds(31));
    withKey(key, "GET", w.path("/contacts"), null);
    assertThat(lastUsed(keyId)).isAfter(firstUse);

    assertThat(changeRole(w, w.owner(), idOf(admin), "member").statusCode()).isEqualTo(200);
    ApiTestSupport.assertProblem(withKey(key, "POST", w.path("/contacts/" + contact(w) + "/erasure"), null),
        403, "/problems/forbidden");
    assertThat(withKey(key, "POST", w.path("/contacts"), "{\"firstName\":\"Key\",\"lastName\":\"Made\",\"email\":\"key@example.org\"}")
        .statusCode()).as("capped at MEMBER, it still writes").isEqualTo(201);

    assertThat(w.owner().delete(w.path("/members/" + idOf(admin))).statusCode()).isEqualTo(204);
    ApiTestSupport.assertProblem(withKey(key, "GET", w.path("/contacts"), null), 401, "/problems/unauthenticated");

    TestApp.Client leaving = join(w, "admin");
    String leaverKey = JSON.readTree(leaving.postJson(w.path("/api-keys"), "{\"name\":\"Leaver\",\"role\":\"member\"}")
        .body()).path("key").asText();
    assertThat(withKey(leaverKey, "GET", w.path("/contacts"), null).statusCode()).isEqualTo(200);
    assertThat(leaving.delete(w.path("/members/" + idOf(leaving))).statusCode()).as("the creator leaves").isEqualTo(204);
    ApiTestSupport.assertProblem(withKey(leaverKey, "GET", w.path("/contacts"), null), 401, "/problems/unauthenticated");

    HttpResponse<String> second = w.owner().postJson(w.path("/api-keys"), "{\"name\":\"Reader\",\"role\":\"viewer\"}");
    String secondKey = JSON.readTree(second.body()).path("key").asText();
    assertThat(withKey(secondKey, "GET", w.path("/contacts"), null).statusCode()).isEqualTo(200);
    ApiTestSupport.assertProblem(withKey(secondKey, "POST", w.path("/contacts"),
        "{\"firstName\":\"No\",\"lastName\":\"Write\",\"email\":\"no@example.org\"}"), 403, "/problems/forbidden");
    assertThat(w.owner().delete(w.path("/api-keys/" + JSON.readTree(second.body()).path("id").asText())).statusCode())
        .isEqualTo(204);
    ApiTestSupport.assertProblem(withKey(secondKey, "GET", w.path("/contacts"), null), 401, "/problems/unauthenticated");
  }

  @Test
  @DisplayName("SEC-08: an invitation grants no more than its inviter may grant when it is accepted")
  void anInvitationDiesWithItsInvitersAuthority() throws Exception {
    Owned w = owned();
    TestApp.Client admin = join(w, "admin");
    TestApp.Client invited = app.newClient().signUpAndSignIn();
    assertThat(invite(w, admin, invited.email(), "admin").statusCode()).isEqualTo(201);
    String token = TestApp.awaitMail(invited.email(), INVITATION_SUBJECT).get(1);
    assertThat(changeRole(w, w.owner(), idOf(admin), "viewer").statusCode()).isEqualTo(200);

    ApiTestSupport.assertProblem(invited.postJson("/api/v1/invitations/accept", "{\"token\":\"" + token + "\"}"), 404,
        "/problems/not-found");
    assertThat(invited.get(w.path("/contacts")).statusCode()).as("no member").isEqualTo(404);
  }

  @Test
  @DisplayName("CSRF: an Authorization header that is no bearer key neither skips the origin check nor hides the cookie")
  void otherAuthorizationSchemesAreIgnored() throws Exception {
    Owned w = owned();
    long workspaces = TestApp.count(db, "workspaces");
    HttpRequest.Builder crossSite = HttpRequest.newBuilder(app.uri("/api/v1/workspaces"))
        .header("Cookie", "__Host-crm_session=" + w.owner().sessionToken())
        .header("Authorization", "Basic dXNlcjpwYXNz")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Cross site\"}"));
    ApiTestSupport.assertProblem(app.newClient().sendAsIs(crossSite), 403, "/problems/cross-origin");
    assertThat(TestApp.count(db, "workspaces")).isEqualTo(workspaces);
    HttpRequest.Builder sameSite = HttpRequest.newBuilder(app.uri("/api/v1/me"))
        .header("Cookie", "__Host-crm_session=" + w.owner().sessionToken())
        .header("Authorization", "Basic dXNlcjpwYXNz");
    assertThat(app.newClient().sendAsIs(sameSite).statusCode()).as("the cookie still counts").isEqualTo(200);
  }

  @Test
  @DisplayName("SEC-08: bad input (an unknown role, an empty or 101-character key name, a malformed email, an unknown field) names the field and changes nothing")
  void badInputNamesTheField() throws Exception {
    Owned w = owned();
    long keys = TestApp.count(db, "api_keys");
    long invitations = TestApp.count(db, "invitations");
    assertFields(w.owner().postJson(w.path("/api-keys"), "{\"name\":\"\",\"role\":\"king\"}"), "#/name", "#/role");
    assertFields(w.owner().postJson(w.path("/api-keys"), "{\"name\":\"" + "k".repeat(101) + "\",\"role\":\"owner\"}"),
        "#/name", "#/role");
    assertFields(w.owner().postJson(w.path("/invitations"), "{\"email\":\"not-an-email\",\"role\":\"viewer\"}"), "#/email");
    assertFields(w.owner().postJson(w.path("/invitations"), "{\"email\":\"a@example.org\",\"role\":\"viewer\",\"note\":\"hi\"}"),
        "#/note");
    assertFields(changeRole(w, w.owner(), idOf(w.owner()), "emperor"), "#/role");
    assertThat(TestApp.count(db, "api_keys")).isEqualTo(keys);
    assertThat(TestApp.count(db, "invitations")).isEqualTo(invitations);
  }

  private static void assertFields(HttpResponse<String> response, String... pointers) throws Exception {
    ApiTestSupport.assertProblem(response, 400, "/problems/validation");
    assertThat(JSON.readTree(response.body()).path("errors").findValuesAsText("pointer")).containsExactlyInAnyOrder(pointers);
  }

  private static HttpResponse<String> withKey(String key, String method, String path, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path)).header("Authorization", "Bearer " + key);
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return app.newClient().sendAsIs(request);
  }

  private static Instant lastUsed(String keyId) throws Exception {
    try (var c = db.superuserConnection();
        var st = c.prepareStatement("select last_used_at from api_keys where id = ?::uuid")) {
      st.setString(1, keyId);
      try (var rs = st.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
      }
    }
  }
}
