package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.custodian.crm.app.AccountConfig;
import dev.custodian.crm.app.AppConfig;
import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.ApiKeyId;
import dev.custodian.crm.core.access.PermissionMatrix;
import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.http.Access;
import dev.custodian.crm.http.Route;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SEC-08, swept from the route table the server was built from (not a list of ours): every route
 * is called as OWNER, ADMIN, MEMBER and VIEWER, as a signed-in non-member, with an API key of each
 * role, with a key of another workspace and with no credential, and each answer must agree with
 * the route's access and the permission matrix; where it denies, no table's row count changes.
 */
class AccessSweepTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PermissionMatrix MATRIX = PermissionMatrix.standard();
  /** The positive control: a route a feature registers for signed-in accounts only. */
  private static final String TEST_ONLY = "/api/v1/test/signed-in-only";
  /** The import upload: its body is CSV and its object a query parameter. */
  private static final String IMPORTS = "POST /api/v1/workspaces/{workspaceId}/imports";

  /**
   * A valid body for each route that takes one, so that an allowed caller's request fails, if at
   * all, on the state of the data, not on its input (a new route with a body adds its sample here).
   */
  private static final Map<String, String> BODIES = Map.ofEntries(
      Map.entry("POST /api/v1/workspaces", "{\"name\":\"Swept\"}"),
      Map.entry("POST /api/v1/workspaces/{workspaceId}/contacts",
          "{\"firstName\":\"Eve\",\"lastName\":\"Sweep\",\"email\":\"eve.%s@example.org\"}"),
      Map.entry("PATCH /api/v1/workspaces/{workspaceId}/contacts/{contactId}", "{\"firstName\":\"Eve\"}"),
      Map.entry("POST /api/v1/workspaces/{workspaceId}/companies",
          "{\"name\":\"Sweep Ltd\",\"domain\":\"sweep-%s.example.com\"}"),
      Map.entry("PATCH /api/v1/workspaces/{workspaceId}/companies/{companyId}", "{\"name\":\"Swept Ltd\"}"),
      Map.entry("PATCH /api/v1/workspaces/{workspaceId}/members/{accountId}", "{\"role\":\"viewer\"}"),
      Map.entry("POST /api/v1/workspaces/{workspaceId}/invitations",
          "{\"email\":\"invited.%s@example.org\",\"role\":\"viewer\"}"),
      Map.entry("POST /api/v1/workspaces/{workspaceId}/api-keys", "{\"name\":\"swept\",\"role\":\"viewer\"}"),
      Map.entry("POST /api/v1/workspaces/{workspaceId}/pipelines", "{\"name\":\"Swept %s\",\"stages\":["
          + "{\"name\":\"Lead\",\"kind\":\"open\",\"probability\":10},{\"name\":\"Won\",\"kind\":\"won\"},"
          + "{\"name\":\"Lost\",\"kind\":\"lost\"}]}"),
      Map.entry("PATCH /api/v1/workspaces/{workspaceId}/pipelines/{pipelineId}", "{\"name\":\"Swept %s\"}"),
      Map.entry("POST /api/v1/workspaces/{workspaceId}/pipelines/{pipelineId}/stages",
          "{\"name\":\"Swept %s\",\"probability\":40}"),
      Map.entry("PATCH /api/v1/workspaces/{workspaceId}/pipelines/{pipelineId}/stages/{stageId}",
          "{\"name\":\"Swept %s\"}"),
      Map.entry("POST /api/v1/workspaces/{workspaceId}/deals", "{\"title\":\"Swept %s\",\"amount\":"
          + "{\"amount\":\"10.00\",\"currency\":\"EUR\"}}"),
      Map.entry("PATCH /api/v1/workspaces/{workspaceId}/deals/{dealId}", "{\"title\":\"Swept %s\"}"),
      Map.entry("POST /api/v1/workspaces/{workspaceId}/activities", "{\"kind\":\"note\",\"subject\":\"Swept %s\","
          + "\"occurredAt\":\"2026-01-31T12:00:00Z\",\"contactIds\":[\"{contactId}\"]}"),
      Map.entry("PATCH /api/v1/workspaces/{workspaceId}/activities/{activityId}", "{\"subject\":\"Swept %s\"}"),
      Map.entry("POST /api/v1/workspaces/{workspaceId}/tasks", "{\"title\":\"Swept %s\",\"contactIds\":[\"{contactId}\"]}"),
      Map.entry("PATCH /api/v1/workspaces/{workspaceId}/tasks/{taskId}", "{\"done\":true}"),
      Map.entry("POST /api/v1/workspaces/{workspaceId}/custom-fields/{objectType}",
          "{\"key\":\"swept_%s\",\"type\":\"text\",\"label\":\"Swept\"}"),
      Map.entry("PATCH /api/v1/workspaces/{workspaceId}/custom-fields/{objectType}/{customFieldId}",
          "{\"label\":\"Swept %s\"}"),
      Map.entry("PATCH /api/v1/me", "{\"name\":\"Swept Person\"}"),
      Map.entry("POST /api/v1/workspaces/{workspaceId}/purposes",
          "{\"key\":\"swept-%s\",\"name\":\"Swept\",\"legalBasis\":\"CONSENT\"}"),
      Map.entry("PATCH /api/v1/workspaces/{workspaceId}/purposes/{purposeKey}", "{\"name\":\"Swept %s\"}"),
      // a grant (refusals are recorded also in a cancelled workspace): refused by the policy, so nothing changes
      Map.entry("POST /api/v1/workspaces/{workspaceId}/consent/events", "{\"contactId\":\"{contactId}\","
          + "\"purpose\":\"marketing-email\",\"kind\":\"GRANTED\",\"source\":\"FORM\",\"noticeVersion\":\"v1\"}"),
      // a purpose no opt-in fits (409): no mail queued however often the sweep asks
      Map.entry("POST /api/v1/workspaces/{workspaceId}/consent/requests",
          "{\"contactId\":\"{contactId}\",\"purpose\":\"service-delivery\",\"noticeVersion\":\"v1\"}"),
      Map.entry("POST /api/v1/public/consent/confirm", "{\"token\":\"cnf_swept%s\"}"),
      Map.entry("POST /api/v1/workspaces/{workspaceId}/consent/proof", "{\"email\":\"swept@example.org\"}"),
      // a token of no package: the one invalid-token answer, and nothing changes
      Map.entry("POST /api/v1/public/privacy-downloads", "{\"token\":\"dsr_%sAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}"),
      // a person's own request (public): a RECEIVED request and its code's mail; a wrong code: the one 400
      Map.entry("POST /api/v1/public/workspaces/{workspaceId}/privacy-requests",
          "{\"type\":\"ACCESS\",\"email\":\"public.%s@example.org\"}"),
      Map.entry("POST /api/v1/public/workspaces/{workspaceId}/privacy-requests/{privacyRequestId}/verify",
          "{\"code\":\"000000\"}"),
      // a CSV upload (text/csv, the route's media type), sent with ?object=contacts
      Map.entry(IMPORTS, "email,firstName,lastName\r\neve.%s@example.org,Eve,Sweep\r\n"),
      // an ACCESS request of a stranger: its execution (no package built here) is a 409, changing nothing
      Map.entry("POST /api/v1/workspaces/{workspaceId}/privacy-requests",
          "{\"type\":\"ACCESS\",\"email\":\"swept.%s@example.org\"}"),
      Map.entry("POST /api/v1/workspaces/{workspaceId}/privacy-requests/{privacyRequestId}/verify",
          "{\"note\":\"Swept\"}"),
      Map.entry("POST /api/v1/workspaces/{workspaceId}/privacy-requests/{privacyRequestId}/extend",
          "{\"reason\":\"Swept\"}"),
      Map.entry("POST /api/v1/workspaces/{workspaceId}/privacy-requests/{privacyRequestId}/reject",
          "{\"reason\":\"Swept\"}"),
      // a purpose no contact of the sweep's workspace is granted: the mail is stored, queued to no one
      Map.entry("POST /api/v1/workspaces/{workspaceId}/marketing-mails", "{\"purpose\":\"marketing-email\","
          + "\"subject\":\"Swept %s\",\"text\":\"Hello\",\"postalAddress\":\"1 Main Street\"}"),
      // a wrong password: a delete-now that is let in answers 403, and nothing is deleted
      Map.entry("POST /api/v1/workspaces/{workspaceId}/delete-now", "{\"password\":\"not the password\"}"));

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static TestApp app;
  private static String workspace;
  private static String contact;
  private static String company;
  private static String deal;
  private static String activity;
  private static String task;
  /** A pipeline of the workspace that is not its default, and one of its OPEN stages. */
  private static String pipeline;
  private static String stage;
  private static String customField;
  private static String importJob;
  private static String privacyRequest;
  private static TestApp.Client victimClient;
  private static String victim;
  private static final Map<String, Credential> credentials = new LinkedHashMap<>();
  /** The superuser's one connection that counts rows, before and after each of the sweep's denials. */
  private static Connection counter;

  /** A way of calling: a session or an API key (or nothing), and what the table and matrix say it may do. */
  record Credential(String name, TestApp.Client session, String apiKey, Role role, boolean member, boolean valid) {

    Credential(String name, TestApp.Client session, String apiKey, Role role, boolean member) {
      this(name, session, apiKey, role, member, true);
    }
  }

  static final class TestOnlyRouteModule extends AbstractModule {
    @ProvidesIntoSet
    RouteGroup testOnly() {
      return table -> table.get(TEST_ONLY).access(Access.ACCOUNT).handle(ctx -> ctx.result("reached"));
    }
  }

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> env = TestApp.environmentFor(db);
    env.put(AccountConfig.THROTTLE_LIMIT, "1000"); // a dozen sign-ups from one address; SEC-07 is ThrottleApiTest's
    env.put(AppConfig.IMPORT_WORKERS_ENABLED, "false"); // a swept import would write rows while a denial is counted
    app = TestApp.start(env, new TestOnlyRouteModule()).signIn();
    counter = db.superuserConnection();
    TestApp.Client owner = app.client();
    workspace = ApiTestSupport.workspace(app);
    contact = ApiTestSupport.ada(app, workspace);
    company = ApiTestSupport.acme(app, workspace);
    // in the default pipeline: the swept pipeline's stages are deleted by the sweep
    HttpResponse<String> sweptDeal = app.postJson("/api/v1/workspaces/" + workspace + "/deals", "{\"title\":\"Swept\"}");
    assertThat(sweptDeal.statusCode()).as(sweptDeal.body()).isEqualTo(201);
    deal = JSON.readTree(sweptDeal.body()).path("id").asText();
    HttpResponse<String> sweptActivity = app.postJson("/api/v1/workspaces/" + workspace + "/activities",
        "{\"kind\":\"call\",\"occurredAt\":\"2026-01-31T12:00:00Z\",\"duration\":\"PT5M\",\"dealIds\":[\"" + deal + "\"]}");
    assertThat(sweptActivity.statusCode()).as(sweptActivity.body()).isEqualTo(201);
    activity = JSON.readTree(sweptActivity.body()).path("id").asText();
    HttpResponse<String> sweptTask = app.postJson("/api/v1/workspaces/" + workspace + "/tasks", "{\"title\":\"Swept\"}");
    assertThat(sweptTask.statusCode()).as(sweptTask.body()).isEqualTo(201);
    task = JSON.readTree(sweptTask.body()).path("id").asText();
    HttpResponse<String> swept = app.postJson("/api/v1/workspaces/" + workspace + "/pipelines",
        "{\"name\":\"Swept pipeline\",\"stages\":[{\"name\":\"A\",\"kind\":\"open\",\"probability\":10},"
            + "{\"name\":\"B\",\"kind\":\"open\",\"probability\":20},{\"name\":\"Won\",\"kind\":\"won\"},"
            + "{\"name\":\"Lost\",\"kind\":\"lost\"}]}");
    assertThat(swept.statusCode()).as(swept.body()).isEqualTo(201);
    pipeline = JSON.readTree(swept.body()).path("id").asText();
    stage = JSON.readTree(swept.body()).path("stages").get(0).path("id").asText();
    HttpResponse<String> field = app.postJson("/api/v1/workspaces/" + workspace + "/custom-fields/contact",
        "{\"key\":\"swept\",\"type\":\"single_select\",\"label\":\"Swept\",\"options\":[{\"key\":\"a\",\"label\":\"A\"}]}");
    assertThat(field.statusCode()).as(field.body()).isEqualTo(201);
    customField = JSON.readTree(field.body()).path("id").asText();
    HttpResponse<String> upload = app.post("/api/v1/workspaces/" + workspace + "/imports?object=contacts", "text/csv",
        "email,firstName,lastName\nswept.import@example.org,Swept,Import\n");
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
    importJob = JSON.readTree(upload.body()).path("id").asText();
    HttpResponse<String> request = app.postJson("/api/v1/workspaces/" + workspace + "/privacy-requests",
        "{\"type\":\"ACCESS\",\"email\":\"swept.request@example.org\"}");
    assertThat(request.statusCode()).as(request.body()).isEqualTo(201);
    privacyRequest = JSON.readTree(request.body()).path("id").asText();
    // The accounts sign up, and the members join, all at once: their mails come in the same rounds.
    List<TestApp.Client> accounts = TestApp.atOnce(List.of(() -> member(owner, workspace, Role.ADMIN),
        () -> member(owner, workspace, Role.MEMBER), () -> member(owner, workspace, Role.VIEWER),
        () -> member(owner, workspace, Role.MEMBER), () -> app.newClient().signUpAndSignIn(),
        () -> app.newClient().signUpAndSignIn()));
    credentials.put("OWNER", new Credential("OWNER", owner, null, Role.OWNER, true));
    credentials.put("ADMIN", new Credential("ADMIN", accounts.get(0), null, Role.ADMIN, true));
    credentials.put("MEMBER", new Credential("MEMBER", accounts.get(1), null, Role.MEMBER, true));
    credentials.put("VIEWER", new Credential("VIEWER", accounts.get(2), null, Role.VIEWER, true));
    victimClient = accounts.get(3);
    victim = JSON.readTree(victimClient.get("/api/v1/me").body()).path("id").asText();
    credentials.put("non-member", new Credential("non-member", accounts.get(4), null, null, false));
    for (Role role : List.of(Role.ADMIN, Role.MEMBER, Role.VIEWER)) {
      credentials.put(role + " key", new Credential(role + " key", null, apiKey(owner, workspace, role), role, true));
    }
    String elsewhere = ApiTestSupport.workspace(app);
    credentials.put("key of another workspace",
        new Credential("key of another workspace", null, apiKey(owner, elsewhere, Role.ADMIN), Role.ADMIN, false));
    credentials.put("no credential", new Credential("no credential", null, null, null, false));
    // Well-formed credentials that let nobody in: only the use case's transaction can tell.
    TestApp.Client forged = app.newClient();
    forged.useSessionToken("ses_" + "Q".repeat(43));
    credentials.put("forged session", new Credential("forged session", forged, null, null, false, false));
    credentials.put("forged key", new Credential("forged key", null, "crmk_" + "Q".repeat(43), null, false, false));
    JsonNode toRevoke = JSON.readTree(owner.postJson("/api/v1/workspaces/" + workspace + "/api-keys",
        "{\"name\":\"revoked key\",\"role\":\"admin\"}").body());
    String revokedKey = toRevoke.path("key").asText();
    HttpResponse<String> revoked = owner.send(HttpRequest.newBuilder(app.uri("/api/v1/workspaces/" + workspace
        + "/api-keys/" + toRevoke.path("id").asText())).DELETE());
    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);
    credentials.put("revoked key", new Credential("revoked key", null, revokedKey, null, false, false));
    TestApp.Client signedOut = accounts.get(5);
    String ended = signedOut.sessionToken();
    assertThat(signedOut.postJson("/api/v1/auth/logout", "{}").statusCode()).isEqualTo(204);
    signedOut.useSessionToken(ended);
    credentials.put("signed-out session", new Credential("signed-out session", signedOut, null, null, false, false));
  }

  @AfterAll
  static void stop() throws SQLException {
    if (counter != null) {
      counter.close();
    }
    if (app != null) {
      app.close();
    }
  }

  /** A new account that joins {@code workspace} with {@code role} through an invitation mailed over SMTP. */
  static TestApp.Client member(TestApp.Client owner, String workspace, Role role) throws Exception {
    return ApiTestSupport.joined(app, owner, "/api/v1/workspaces/" + workspace, role.name().toLowerCase());
  }

  static String apiKey(TestApp.Client owner, String workspace, Role role) throws Exception {
    HttpResponse<String> created = owner.postJson("/api/v1/workspaces/" + workspace + "/api-keys",
        "{\"name\":\"" + role.name().toLowerCase() + " key\",\"role\":\"" + role.name().toLowerCase() + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).path("key").asText();
  }

  @Test
  @DisplayName("SEC-08: every route of the table answers every caller as its access and the matrix say; a denial changes no row count")
  void everyRouteAgreesWithTheTableAndTheMatrix() throws Exception {
    List<Route> routes = app.routeTable();
    assertThat(routes).extracting(Route::key).contains("GET " + TEST_ONLY,
        "DELETE /api/v1/workspaces/{workspaceId}/contacts/{contactId}", "POST /api/v1/workspaces/{workspaceId}/api-keys");
    List<String> disagreements = new ArrayList<>();
    int denials = 0;
    for (Route route : routes) {
      if (route.key().equals("POST /api/v1/auth/logout") || route.key().equals("POST /api/v1/me/password")) {
        continue; // they end the caller's sessions; their access is checked in SessionApiTest
      }
      if (route.key().equals("POST /api/v1/workspaces/{workspaceId}/delete-now")) {
        continue; // it ends the workspace (or, with a wrong password, counts a failed sign-in): WorkspaceLifecycleApiTest
      }
      for (Credential credential : credentials.values()) {
        Expected expected = expected(route, credential);
        Map<String, Long> before = expected.denied() ? quietRowCounts() : null;
        HttpResponse<String> answer = send(route, credential);
        reactivateIfCancelled(route);
        String problemType = problemType(answer);
        if (!expected.matches(answer.statusCode(), answer.body(), problemType)) {
          disagreements.add(route.key() + " as " + credential.name() + ": expected " + expected + ", got "
              + answer.statusCode() + " " + problemType);
        }
        if (expected.denied()) {
          denials++;
          assertThat(rowCounts()).as("%s as %s changed nothing", route.key(), credential.name()).isEqualTo(before);
        }
      }
    }
    assertThat(disagreements).isEmpty();
    assertThat(denials).as("denials checked").isGreaterThan(100);
  }

  @Test
  @DisplayName("SEC-08: every workspace route answers 404 for a workspace id that does not exist, even to an OWNER elsewhere")
  void aRandomWorkspaceIdIsNotFound() throws Exception {
    Credential owner = credentials.get("OWNER");
    Map<String, Long> before = rowCounts();
    List<String> swept = new ArrayList<>();
    for (Route route : app.routeTable()) {
      if (!(route.access() instanceof Access.InWorkspace)) {
        continue;
      }
      HttpResponse<String> answer = send(route, owner, UUID.randomUUID().toString());
      assertThat(answer.statusCode()).as("%s: %s", route.key(), answer.body()).isEqualTo(404);
      assertThat(answer.body()).contains("workspace not found");
      swept.add(route.key());
    }
    assertThat(swept).hasSizeGreaterThanOrEqualTo(15);
    assertThat(rowCounts()).isEqualTo(before);
    assertThat(app.get(TEST_ONLY).body()).as("signed in, the test-only route is reached").isEqualTo("reached");
  }

  @Test
  @DisplayName("RET-02: in a cancelled workspace every write route of the table answers 409 /problems/workspace-cancelled and changes nothing, every read answers")
  void aCancelledWorkspaceRefusesEveryWrite() throws Exception {
    Credential owner = credentials.get("OWNER");
    HttpResponse<String> cancelled = owner.session().postJson("/api/v1/workspaces/" + workspace + "/cancel", "");
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    List<String> writes = new ArrayList<>();
    List<String> reads = new ArrayList<>();
    List<String> disagreements = new ArrayList<>();
    try {
      Map<String, Long> before = quietRowCounts();
      for (Route route : app.routeTable()) {
        if (!(route.access() instanceof Access.InWorkspace inWorkspace)) {
          continue;
        }
        PermissionMatrix.Effect effect = MATRIX.grantOf(inWorkspace.permission()).orElseThrow().effect();
        if (effect == PermissionMatrix.Effect.WRITE_WHILE_CANCELLED) {
          continue; // lifecycle steps and a person's rights go on; their own tests show it
        }
        HttpResponse<String> answer = send(route, owner);
        if (effect == PermissionMatrix.Effect.WRITE) {
          writes.add(route.key());
          if (answer.statusCode() != 409 || !problemType(answer).equals("/problems/workspace-cancelled")) {
            disagreements.add(route.key() + ": " + answer.statusCode() + " " + problemType(answer));
          }
        } else {
          reads.add(route.key());
          if (answer.statusCode() != 200) {
            disagreements.add(route.key() + ": " + answer.statusCode() + " " + problemType(answer));
          }
        }
      }
      assertThat(disagreements).isEmpty();
      assertThat(writes).as("write routes swept").hasSizeGreaterThanOrEqualTo(20)
          .contains("POST /api/v1/workspaces/{workspaceId}/contacts", "DELETE /api/v1/workspaces/{workspaceId}/deals/{dealId}");
      assertThat(reads).as("read routes swept").hasSizeGreaterThanOrEqualTo(10);
      Map<String, Long> after = quietRowCounts();
      // The reads that write: the audit export and the full export append their own entry to the kept chain.
      long exports = reads.stream().filter(key -> key.endsWith("/audit/export")
          || key.equals("GET /api/v1/workspaces/{workspaceId}/export")).count();
      assertThat(after.get("public.audit_entries")).as("only the exports' own audit entries")
          .isEqualTo(before.get("public.audit_entries") + exports);
      after.remove("public.audit_entries");
      before.remove("public.audit_entries");
      assertThat(after).as("no write changed a row").isEqualTo(before);
    } finally {
      reactivateIfCancelled(null);
    }
  }

  /** Makes the swept workspace active again when {@code route} (any, when null) may have cancelled it. */
  private static void reactivateIfCancelled(Route route) throws Exception {
    if (route == null || route.key().endsWith("/cancel")) {
      HttpResponse<String> active = credentials.get("OWNER").session()
          .postJson("/api/v1/workspaces/" + workspace + "/reactivate", "");
      assertThat(active.statusCode()).as(active.body()).isEqualTo(200);
    }
  }

  /** What the table and the matrix say an answer must be. */
  record Expected(int status, String resource) {

    static final Expected ALLOWED = new Expected(0, null);

    boolean denied() {
      return status != 0;
    }

    /**
     * A denial exactly, with its problem type; an allowed call a success or an answer about the
     * data or the input (a 404 of another resource than the workspace, a 400, a 409, a 412), never
     * a denial and never a server error.
     */
    boolean matches(int actual, String body, String problemType) {
      if (denied()) {
        String type = switch (status) {
          case 401 -> "/problems/unauthenticated";
          case 403 -> "/problems/forbidden";
          default -> "/problems/not-found";
        };
        return actual == status && problemType.equals(type);
      }
      boolean aboutTheData = actual == 400 || actual == 409 || actual == 412
          || (actual == 404 && !body.contains("workspace not found"));
      return (actual >= 200 && actual < 300) || aboutTheData;
    }

    @Override
    public String toString() {
      return denied() ? String.valueOf(status) : "allowed";
    }
  }

  private static Expected expected(Route route, Credential credential) {
    Access access = route.access();
    if (access instanceof Access.Public) {
      return Expected.ALLOWED;
    }
    if ((credential.session() == null && credential.apiKey() == null) || !credential.valid()) {
      return new Expected(401, null);
    }
    if (access instanceof Access.Account) {
      return credential.apiKey() != null ? new Expected(401, null) : Expected.ALLOWED;
    }
    Access.InWorkspace inWorkspace = (Access.InWorkspace) access;
    if (!credential.member()) {
      return new Expected(404, "workspace");
    }
    // A key acts with the lower of its role and its creator's (the OWNER here).
    Actor actor = credential.apiKey() != null
        ? new Actor.ApiKey(new ApiKeyId(UUID.randomUUID()), WorkspaceId.of(UUID.fromString(workspace)),
            new AccountId(UUID.randomUUID()), credential.role())
        : Actor.account(new AccountId(UUID.randomUUID()));
    return MATRIX.allows(actor, credential.role(), inWorkspace.permission()) ? Expected.ALLOWED : new Expected(403, null);
  }

  private static HttpResponse<String> send(Route route, Credential credential) throws Exception {
    return send(route, credential, workspace);
  }

  private static HttpResponse<String> send(Route route, Credential credential, String workspaceId) throws Exception {
    String path = route.path()
        .replace("{workspaceId}", workspaceId)
        .replace("{contactId}", contact)
        .replace("{companyId}", company)
        .replace("{dealId}", deal)
        .replace("{accountId}", victim)
        .replace("{invitationId}", UUID.randomUUID().toString())
        .replace("{apiKeyId}", UUID.randomUUID().toString())
        .replace("{pipelineId}", pipeline)
        .replace("{stageId}", stage)
        .replace("{activityId}", activity)
        .replace("{taskId}", task)
        .replace("{objectType}", "contact")
        .replace("{customFieldId}", customField)
        .replace("{purposeKey}", "service-delivery") // a default purpose of every workspace
        .replace("{importId}", importJob)
        .replace("{privacyRequestId}", privacyRequest)
        .replace("{token}", "u1.swept"); // an unsubscribe link's token, forged: one 404
    assertThat(path).as("every path parameter of %s is known to the sweep", route.key()).doesNotContain("{");
    String body = BODIES.get(route.key());
    HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path + (route.export() != null ? "?format=csv"
        : route.key().equals(IMPORTS) ? "?object=contacts" : "")));
    String method = route.method().name();
    if (body != null) {
      request.method(method, HttpRequest.BodyPublishers.ofString(body.formatted(UUID.randomUUID().toString().substring(0, 8))
              .replace("{contactId}", contact)))
          .header("Content-Type", route.requestMediaType());
    } else if (route.requestBody() != null) {
      request.method(method, HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json");
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    if (route.headers().contains("If-Match")) {
      request.header("If-Match", "\"1\"");
    }
    if (route.access() instanceof Access.Public) {
      return app.newClient().send(request); // no credential needed, and logging out ends none
    }
    if (credential.apiKey() != null) {
      return app.newClient().sendAsIs(request.header("Authorization", "Bearer " + credential.apiKey()));
    }
    return (credential.session() != null ? credential.session() : app.newClient()).send(request);
  }

  private static String problemType(HttpResponse<String> answer) {
    try {
      JsonNode body = JSON.readTree(answer.body());
      return body.path("type").asText("");
    } catch (Exception notJson) {
      return "";
    }
  }

  /**
   * The row counts once the outbox is empty: an allowed call before may have queued a mail, which the
   * server's dispatcher sends (and counts a token for) within a second, whatever the next call does.
   */
  private static Map<String, Long> quietRowCounts() throws Exception {
    TestApp.awaitEmptyOutbox(counter);
    return rowCounts();
  }

  /**
   * The row count of every table, as the superuser counts them; but throttle entries, whose fixed
   * windows all end together on the clock's quarter hour and are then purged within a minute,
   * whatever the request (a sweep that spans the boundary saw them go).
   */
  private static Map<String, Long> rowCounts() throws Exception {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (var st = counter.createStatement()) {
      List<String> names = new ArrayList<>();
      try (var tables = st.executeQuery("select quote_ident(schemaname) || '.' || quote_ident(tablename) from pg_tables"
          + " where schemaname not in ('pg_catalog', 'information_schema') and tablename <> 'throttle_entries'"
          + " order by 1")) {
        while (tables.next()) {
          names.add(tables.getString(1));
        }
      }
      // one statement for all (the sweep counts before and after each of its hundreds of denials)
      String all = String.join(" union all ", names.stream()
          .map(name -> "select " + names.indexOf(name) + ", count(*) from " + name).toList());
      try (var rows = st.executeQuery(all)) {
        while (rows.next()) {
          counts.put(names.get(rows.getInt(1)).replace("\"", ""), rows.getLong(2));
        }
      }
    }
    return counts;
  }

}
