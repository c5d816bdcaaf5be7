package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.custodian.crm.http.HttpApi;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The API closed, swept over every route the server's router holds (not a list of ours): off the
 * public list each answers 401 without a session, and every workspace route answers 404 to a
 * signed-in non-member, for an existing workspace and a random id alike, changing nothing.
 */
class AccessSweepTest {

  /** The positive control: a route a feature registers without declaring it public. */
  private static final String UNDECLARED = "GET /api/v1/test/undeclared";

  /**
   * A valid request body for each workspace route that takes one, so that a non-member's request
   * fails on access, not on its input (a new route with a body adds its sample here, or the sweep fails).
   */
  private static final Map<String, String[]> SAMPLES = Map.of(
      "POST /api/v1/workspaces/{workspaceId}/contacts",
      new String[] {"application/json", "{\"firstName\":\"Eve\",\"lastName\":\"Outsider\",\"email\":\"eve@example.org\"}"},
      "PATCH /api/v1/workspaces/{workspaceId}/contacts/{contactId}",
      new String[] {"application/merge-patch+json", "{\"firstName\":\"Eve\"}", "If-Match", "\"1\""});

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static TestApp app;
  private static String workspace;
  private static String contact;

  static final class UndeclaredRouteModule extends AbstractModule {
    @ProvidesIntoSet
    RouteGroup undeclared() {
      return config -> config.routes.get("/api/v1/test/undeclared", ctx -> ctx.result("reached"));
    }
  }

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start(TestApp.environmentFor(db), new UndeclaredRouteModule()).signIn();
    workspace = ApiTestSupport.workspace(app);
    contact = ApiTestSupport.ada(app, workspace);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void everyRouteOffThePublicList_answers401WithoutASession() throws Exception {
    List<String> routes = app.routes();
    assertThat(routes).contains(UNDECLARED, "POST /api/v1/workspaces", "GET /api/v1/me", "GET /health");
    List<String> checked = new ArrayList<>();
    for (String route : routes) {
      HttpResponse<String> answer = app.newClient().send(request(route, workspace));
      if (HttpApi.isPublic(route)) {
        assertThat(answer.statusCode()).as(route).isNotEqualTo(401);
      } else {
        ApiTestSupport.assertProblem(answer, 401, "/problems/unauthenticated");
        checked.add(route);
      }
    }
    assertThat(checked).as("the positive control is among them").contains(UNDECLARED);
    assertThat(app.get("/api/v1/test/undeclared").body()).as("signed in, it is reached").isEqualTo("reached");
  }

  @Test
  void everyWorkspaceRoute_answers404ToASignedInNonMember_andChangesNothing() throws Exception {
    TestApp.Client outsider = app.newClient().signUpAndSignIn();
    List<String> before = TestApp.everyRowAsText(db, "workspaces", "memberships", "contacts");
    List<String> swept = new ArrayList<>();
    for (String route : app.routes()) {
      if (!route.contains("{workspaceId}")) {
        continue;
      }
      for (String id : new String[] {workspace, UUID.randomUUID().toString()}) {
        HttpResponse<String> answer = outsider.send(request(route, id));
        assertThat(answer.statusCode()).as("%s for workspace %s: %s", route, id, answer.body()).isEqualTo(404);
        ApiTestSupport.assertProblem(answer, 404, "/problems/not-found");
      }
      swept.add(route);
    }
    assertThat(swept).as("workspace, contact and erasure routes").hasSizeGreaterThanOrEqualTo(8);
    assertThat(TestApp.everyRowAsText(db, "workspaces", "memberships", "contacts")).isEqualTo(before);
  }

  /** The route as a request: path parameters filled in, and its sample body, if it has one. */
  private static HttpRequest.Builder request(String route, String workspaceId) {
    String method = route.substring(0, route.indexOf(' '));
    String path = route.substring(route.indexOf(' ') + 1)
        .replace("{workspaceId}", workspaceId)
        .replace("{contactId}", contact);
    assertThat(path).as("every path parameter of %s is known to the sweep", route).doesNotContain("{");
    String[] sample = SAMPLES.get(route);
    HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path));
    if (sample == null) {
      return request.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json");
    }
    request.method(method, HttpRequest.BodyPublishers.ofString(sample[1])).header("Content-Type", sample[0]);
    for (int i = 2; i < sample.length; i += 2) {
      request.header(sample[i], sample[i + 1]);
    }
    return request;
  }
}
