package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two server instances on one database, as behind a load balancer: a credential ended at one is
 * refused at the other by its very next request. Nothing caches who a token is; each request's
 * first statement reads it.
 */
class RevocationAcrossInstancesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static TestApp one;
  private static TestApp two;

  @BeforeAll
  static void start() throws Exception {
    one = TestApp.start(TestApp.environmentFor(db)).signIn();
    two = TestApp.start(TestApp.environmentFor(db));
  }

  @AfterAll
  static void stop() {
    for (TestApp app : new TestApp[] {one, two}) {
      if (app != null) {
        app.close();
      }
    }
  }

  @Test
  @DisplayName("ACC-05, SEC-05: a signed-out session and a revoked API key get 401 at another instance on their next request")
  void aCredentialEndedAtOneInstanceIsRefusedAtTheOther() throws Exception {
    String workspace = ApiTestSupport.workspace(one);
    String contacts = "/api/v1/workspaces/" + workspace + "/contacts";
    JsonNode created = JSON.readTree(one.postJson("/api/v1/workspaces/" + workspace + "/api-keys",
        "{\"name\":\"elsewhere\",\"role\":\"viewer\"}").body());
    String key = created.path("key").asText();
    TestApp.Client atTwo = two.newClient();
    atTwo.useSessionToken(one.client().sessionToken());

    assertThat(atTwo.get(contacts).statusCode()).as("the session works at the other instance").isEqualTo(200);
    assertThat(byKey(atTwo, contacts, key).statusCode()).as("and so does the key").isEqualTo(200);

    HttpResponse<String> revoked = one.client().send(HttpRequest.newBuilder(one.uri(
        "/api/v1/workspaces/" + workspace + "/api-keys/" + created.path("id").asText())).DELETE());
    assertThat(revoked.statusCode()).isEqualTo(204);
    ApiTestSupport.assertProblem(byKey(atTwo, contacts, key), 401, "/problems/unauthenticated");

    assertThat(one.postJson("/api/v1/auth/logout", "{}").statusCode()).isEqualTo(204);
    ApiTestSupport.assertProblem(atTwo.get(contacts), 401, "/problems/unauthenticated");
    ApiTestSupport.assertProblem(atTwo.get("/api/v1/me"), 401, "/problems/unauthenticated");
  }

  private static HttpResponse<String> byKey(TestApp.Client client, String path, String key) throws Exception {
    return client.sendAsIs(HttpRequest.newBuilder(two.uri(path)).header("Authorization", "Bearer " + key));
  }
}
