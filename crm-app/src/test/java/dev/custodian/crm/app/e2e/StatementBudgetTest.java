package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.app.AppConfig;
import dev.custodian.crm.core.access.PermissionMatrix;
import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.common.paging.Filter;
import dev.custodian.crm.core.common.paging.ValueType;
import dev.custodian.crm.http.Access;
import dev.custodian.crm.http.Route;
import dev.custodian.crm.persistence.testing.TestDatabase;
import io.javalin.http.HandlerType;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * The statement budget of every workspace route in the route table, counted by the persistence
 * adapter's statement counter (statements and commits: round trips): reading one record or a page
 * costs at most 3 (identity and tenancy, the query, the commit), a create at most 5, by session
 * cookie and by API key. A route that adds a round trip fails here; a new route without a sample
 * request here fails too, so every route gets a budget. Each request is measured three times and
 * the least counts: the server's background jobs (the mail dispatcher) share the counter.
 */
class StatementBudgetTest {

  /** Names and values in the order given (more pairs than {@code Map.of} takes). */
  private static Map<String, String> pairs(String... namesAndValues) {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }

  static final int READ = 3;
  static final int LIST = 3;
  static final int CREATE = 5;
  /**
   * A list export: its own budget, not a read's. Its snapshot's isolation must be set before any
   * query, so it cannot ride in the gate's first statement as the workspace binding does (one round
   * trip); the contact export also reads its custom fields (its columns) before its rows' cursor
   * opens. Then the gate's lookup, the cursor (one statement, each further fetch of
   * {@code EXPORT_FETCH_SIZE} rows one more round trip, as a page would be), the commit. The driver
   * also describes the cursor's statement first, so its rows can come in binary ({@code ReadAhead}):
   * one round trip more, which jOOQ does not see and this budget does not count.
   */
  static final int EXPORT = 5;
  /**
   * The full export (one snapshot, every kind of record twice, once per format): measured, not a
   * read's budget. Its isolation, the gate's lookup, its audit entry, the custom fields of each
   * object type, each kind's rows once per format (a list walked page by page costs a statement a
   * page), the commit: 19 measured on a small workspace.
   */
  static final int FULL_EXPORT = 19;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> CREATES = pairs(
      // a contact working for a company: the company's check is the insert's own foreign key, no round trip
      "POST /api/v1/workspaces/{workspaceId}/contacts", "{\"firstName\":\"Eve\",\"lastName\":\"Budget\",\"email\":"
          + "\"eve.%s@example.org\",\"jobTitle\":\"Auditor\",\"companyId\":\"{companyId}\"}",
      "POST /api/v1/workspaces/{workspaceId}/companies", "{\"name\":\"Budget %1$s\",\"domain\":\"budget-%1$s.example.com\"}",
      "POST /api/v1/workspaces/{workspaceId}/invitations", "{\"email\":\"invited.%s@example.org\",\"role\":\"viewer\"}",
      "POST /api/v1/workspaces/{workspaceId}/api-keys", "{\"name\":\"budget %s\",\"role\":\"viewer\"}",
      "POST /api/v1/workspaces/{workspaceId}/pipelines", "{\"name\":\"Budget %s\",\"isDefault\":true,\"stages\":["
          + "{\"name\":\"Lead\",\"kind\":\"open\",\"probability\":10},{\"name\":\"Won\",\"kind\":\"won\"},"
          + "{\"name\":\"Lost\",\"kind\":\"lost\"}]}",
      "POST /api/v1/workspaces/{workspaceId}/pipelines/{pipelineId}/stages", "{\"name\":\"Budget %s\",\"probability\":40}",
      // a deal in the default pipeline's first stage with money, a company and a contact: the pipeline's read,
      // the deal's insert, and its link with its first history entry in one statement
      "POST /api/v1/workspaces/{workspaceId}/deals", "{\"title\":\"Budget %s\",\"amount\":{\"amount\":\"12500.50\","
          + "\"currency\":\"EUR\"},\"companyId\":\"{companyId}\",\"contactIds\":[\"{contactId}\"]}",
      // an activity with a link of each kind: their check in one statement, the activity and its links in one
      "POST /api/v1/workspaces/{workspaceId}/activities", "{\"kind\":\"call\",\"subject\":\"Budget %s\","
          + "\"occurredAt\":\"2026-01-31T12:00:00Z\",\"duration\":\"PT15M\",\"contactIds\":[\"{contactId}\"],"
          + "\"companyIds\":[\"{companyId}\"],\"dealIds\":[\"{dealId}\"]}",
      // a task assigned to a member, with a link: the membership, the links' check, the task with its links
      "POST /api/v1/workspaces/{workspaceId}/tasks", "{\"title\":\"Budget %s\",\"assigneeId\":\"{accountId}\","
          + "\"dueAt\":\"2026-02-01T09:00:00Z\",\"contactIds\":[\"{contactId}\"]}",
      // a data-subject request: the request with its first history entry in one statement, its audit entry
      "POST /api/v1/workspaces/{workspaceId}/privacy-requests", "{\"type\":\"ERASURE\",\"email\":"
          + "\"subject.%s@example.org\",\"californiaRequest\":true}",
      // a select field with its options: the count for the limit, then the field and its options in one statement
      "POST /api/v1/workspaces/{workspaceId}/custom-fields/{objectType}", "{\"key\":\"budget_%s\",\"type\":"
          + "\"multi_select\",\"label\":\"Budget\",\"options\":[{\"key\":\"a\",\"label\":\"A\"},{\"key\":\"b\",\"label\":\"B\"}]}");
  /** Sample bodies of the consent feature's creates (beside {@link #CREATES}, which holds as many as {@code Map.of} takes). */
  private static final Map<String, String> CONSENT_CREATES = Map.of(
      "POST /api/v1/workspaces/{workspaceId}/purposes",
      "{\"key\":\"budget-%s\",\"name\":\"Budget\",\"legalBasis\":\"CONSENT\",\"directMarketing\":true}");

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static TestApp app;
  private static String apiKey;
  private static Map<String, String> pathValues;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> env = TestApp.environmentFor(db);
    env.put(AppConfig.IMPORT_WORKERS_ENABLED, "false"); // their polls would share the counter; the job stays queued
    app = TestApp.start(env).signIn();
    String workspace = ApiTestSupport.workspace(app);
    String company = ApiTestSupport.acme(app, workspace);
    String contact = ApiTestSupport.ada(app, workspace);
    for (int i = 0; i < 3; i++) { // more than one row in each page
      app.postJson("/api/v1/workspaces/" + workspace + "/contacts", "{\"firstName\":\"More\",\"lastName\":\"Rows\",\"email\":\"more." + i + "@example.org\"}");
    }
    HttpResponse<String> key = app.postJson("/api/v1/workspaces/" + workspace + "/api-keys",
        "{\"name\":\"budget\",\"role\":\"" + Role.ADMIN.name().toLowerCase() + "\"}");
    apiKey = JSON.readTree(key.body()).path("key").asText();
    String me = JSON.readTree(app.get("/api/v1/me").body()).path("id").asText();
    var sales = JSON.readTree(app.get("/api/v1/workspaces/" + workspace + "/pipelines").body()).path("items").get(0);
    HttpResponse<String> deal = app.postJson("/api/v1/workspaces/" + workspace + "/deals", "{\"title\":\"Budget\"}");
    String dealId = JSON.readTree(deal.body()).path("id").asText();
    // every timeline has entries, as a record's usually does (an empty page asks whether the record exists)
    HttpResponse<String> activity = app.postJson("/api/v1/workspaces/" + workspace + "/activities",
        "{\"kind\":\"note\",\"occurredAt\":\"2026-01-31T12:00:00Z\",\"contactIds\":[\"" + contact + "\"],"
            + "\"companyIds\":[\"" + company + "\"],\"dealIds\":[\"" + dealId + "\"]}");
    String activityId = JSON.readTree(activity.body()).path("id").asText();
    HttpResponse<String> task = app.postJson("/api/v1/workspaces/" + workspace + "/tasks", "{\"title\":\"Budget\"}");
    String taskId = JSON.readTree(task.body()).path("id").asText();
    HttpResponse<String> field = app.postJson("/api/v1/workspaces/" + workspace + "/custom-fields/company",
        "{\"key\":\"tier\",\"type\":\"single_select\",\"label\":\"Tier\",\"options\":[{\"key\":\"gold\",\"label\":\"Gold\"}]}");
    HttpResponse<String> upload = app.post("/api/v1/workspaces/" + workspace + "/imports?object=contacts", "text/csv",
        "email,firstName,lastName\nbudget.import@example.org,Budget,Import\n");
    HttpResponse<String> privacyRequest = app.postJson("/api/v1/workspaces/" + workspace + "/privacy-requests",
        "{\"type\":\"ACCESS\",\"email\":\"budget.subject@example.org\"}");
    pathValues = pairs("{importId}", JSON.readTree(upload.body()).path("id").asText(), "{workspaceId}", workspace,
        "{contactId}", contact, "{accountId}", me, "{companyId}", company,
        "{pipelineId}", sales.path("id").asText(), "{stageId}", sales.path("stages").get(0).path("id").asText(),
        "{dealId}", dealId, "{activityId}", activityId, "{taskId}", taskId, "{objectType}", "company",
        "{customFieldId}", JSON.readTree(field.body()).path("id").asText(), "{purposeKey}", "analytics",
        "{privacyRequestId}", JSON.readTree(privacyRequest.body()).path("id").asText());
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  @DisplayName("Every workspace read, page and create stays within its statement budget, by cookie and by API key")
  void everyWorkspaceRouteStaysWithinItsBudget() throws Exception {
    Map<String, String> measured = new LinkedHashMap<>();
    List<String> over = new ArrayList<>();
    for (Route route : app.routeTable()) {
      if (!(route.access() instanceof Access.InWorkspace)) {
        continue;
      }
      int budget = budgetOf(route);
      if (budget == 0) {
        continue; // changes other than creates have no budget of their own yet
      }
      boolean keysMay = !PermissionMatrix.standard()
          .grantOf(((Access.InWorkspace) route.access()).permission()).orElseThrow().accountsOnly();
      for (boolean byKey : keysMay ? new boolean[] {false, true} : new boolean[] {false}) {
        for (String query : queriesOf(route)) {
          long least = Long.MAX_VALUE;
          for (int i = 0; i < 3; i++) {
            TestApp.awaitEmptyOutbox(db); // a mail a create queued is sent in the background, on the same counter
            least = Math.min(least, roundTripsOf(route, query, byKey));
          }
          String name = route.key() + query + (byKey ? " by API key" : " by cookie");
          measured.put(name, least + " of " + budget);
          if (least > budget) {
            over.add(name + ": " + least + " round trips, budget " + budget);
          }
        }
      }
    }
    System.out.println("Statement budgets: " + measured);
    assertThat(measured).as("routes measured").hasSizeGreaterThanOrEqualTo(10);
    assertThat(over).isEmpty();
  }

  @Test
  @DisplayName("Recording consent (answered 200 with the state, CON-03) costs what a create may: the locked read, the gated append, its audit entry; a page of eligibleFor what a page may")
  void recordingConsentStaysWithinTheCreateBudget() throws Exception {
    String workspace = "/api/v1/workspaces/" + pathValues.get("{workspaceId}");
    app.postJson(workspace + "/purposes", "{\"key\":\"budget-news\",\"name\":\"News\",\"legalBasis\":\"CONSENT\"}");
    // the first entry (which links the subject too), then more on the same subject; the least of 3 contacts each
    List<String> entries = List.of("\"purpose\":\"analytics\",\"kind\":\"OBJECTED\",\"source\":\"API\"",
        "\"purpose\":\"budget-news\",\"kind\":\"GRANTED\",\"source\":\"FORM\",\"noticeVersion\":\"v1\"",
        "\"purpose\":\"budget-news\",\"kind\":\"WITHDRAWN\",\"source\":\"API\"");
    long[] least = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
    for (int i = 0; i < 3; i++) {
      String contact = JSON.readTree(app.postJson(workspace + "/contacts", "{\"firstName\":\"Con\",\"lastName\":"
          + "\"Sent\",\"email\":\"consent." + UUID.randomUUID() + "@example.org\"}").body()).path("id").asText();
      for (int e = 0; e < entries.size(); e++) {
        TestApp.awaitEmptyOutbox(db);
        long before = app.statements().roundTrips();
        HttpResponse<String> answer = app.postJson(workspace + "/consent/events",
            "{\"contactId\":\"" + contact + "\"," + entries.get(e) + "}");
        long spent = app.statements().roundTrips() - before;
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        least[e] = Math.min(least[e], spent);
      }
    }
    for (int e = 0; e < entries.size(); e++) {
      assertThat(least[e]).as("%s: round trips", entries.get(e)).isLessThanOrEqualTo(CREATE);
    }
    // the contacts a purpose allows: the contact list's one statement, with the guard's decision per row
    for (String by : List.of("", "&sort=-lastName")) {
      long fewest = Long.MAX_VALUE; // the least of a few tries, as above: background work (mail, purges) counts too
      for (int round = 0; round < 3; round++) {
        TestApp.awaitEmptyOutbox(db);
        long before = app.statements().roundTrips();
        HttpResponse<String> page = app.get(workspace + "/contacts?eligibleFor=analytics&limit=2" + by);
        fewest = Math.min(fewest, app.statements().roundTrips() - before);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(JSON.readTree(page.body()).path("items")).hasSize(2);
      }
      assertThat(fewest).as("eligibleFor%s: round trips", by).isLessThanOrEqualTo(LIST);
    }
  }

  /** The budget a route's kind has; 0 for a change that is no create. */
  private static int budgetOf(Route route) {
    if (route.key().equals("GET /api/v1/workspaces/{workspaceId}/export")) {
      return FULL_EXPORT;
    }
    if (route.method() == HandlerType.GET) {
      return route.export() != null ? EXPORT : route.paged() ? LIST : READ;
    }
    if (route.method() == HandlerType.POST && route.status() == 201) {
      assertThat(createBody(route)).as("a sample body for the create %s", route.key()).isNotNull();
      return CREATE;
    }
    return 0;
  }

  /**
   * The query strings a route is measured with: none; for a list, also each sort it offers, descending,
   * with every filter it offers that needs no value of its own (a list's page is one statement whatever
   * its query).
   */
  private static List<String> queriesOf(Route route) {
    if (route.export() != null) { // the whole list, sorted the other way, a file either way
      return route.export().offer().sorts().isEmpty() ? List.of("?format=csv", "?format=ndjson")
          : List.of("?format=csv", "?format=ndjson&sort=-" + route.export().offer().sorts().keySet().iterator().next());
    }
    List<String> queries = new ArrayList<>(List.of(""));
    if (route.paged()) {
      for (String sort : route.list().sorts().keySet()) {
        // a sort compared within one value of a companion (amount within a currency) gets that value
        String companion = route.list().companionOf(sort).orElse(null);
        StringBuilder filters = new StringBuilder(companion == null ? "" : "&" + companion + "=EUR");
        route.list().filters().forEach((field, filter) -> filter.operators().forEach(operator -> {
          if (field.equals(companion)) {
            return;
          }
          switch (operator) {
            case EMPTY -> filters.append("&").append(field).append(".empty=false");
            case AT_LEAST, AT_MOST -> {
              if (filter.type().kind() == ValueType.Kind.INSTANT) {
                filters.append("&").append(field).append(operator.suffix()).append("=")
                    .append(operator == Filter.Operator.AT_LEAST
                        ? "2000-01-01T00:00:00Z" : "2999-01-01T00:00:00Z");
              }
            }
            default -> { }
          }
        }));
        queries.add("?sort=-" + sort + "&limit=2" + filters);
      }
    }
    return queries;
  }

  private static String createBody(Route route) {
    return CREATES.getOrDefault(route.key(), CONSENT_CREATES.get(route.key()));
  }

  /** The round trips one successful call of {@code route} cost. */
  private static long roundTripsOf(Route route, String query, boolean byKey) throws Exception {
    String path = route.path();
    for (Map.Entry<String, String> value : pathValues.entrySet()) {
      path = path.replace(value.getKey(), value.getValue());
    }
    assertThat(path).as("every path parameter of %s has a value here", route.key()).doesNotContain("{");
    HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path + query));
    String body = createBody(route);
    if (body != null) {
      body = body.formatted(UUID.randomUUID().toString().substring(0, 8));
      for (Map.Entry<String, String> value : pathValues.entrySet()) { // ids a body refers to, as in paths
        body = body.replace(value.getKey(), value.getValue());
      }
      request.POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    }
    if (route.headers().contains("If-Match")) { // a create inside another resource (a stage): at that one's version
      String parent = path.substring(0, path.lastIndexOf('/'));
      request.header("If-Match", app.get(parent).headers().firstValue("ETag").orElseThrow());
    }
    long before = app.statements().roundTrips();
    HttpResponse<String> answer = byKey
        ? app.client().sendAsIs(request.header("Authorization", "Bearer " + apiKey))
        : app.send(request);
    long spent = app.statements().roundTrips() - before;
    assertThat(answer.statusCode()).as("%s: %s", route.key(), answer.body()).isEqualTo(route.status());
    return spent;
  }
}
