package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;

/** Small steps shared by the HTTP end-to-end tests. */
final class ApiTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiTestSupport() {}

  /** Creates a workspace and returns its id. */
  static String workspace(TestApp app) throws Exception {
    HttpResponse<String> created = app.postJson("/api/v1/workspaces", "{\"name\":\"Test workspace\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    return JSON.readTree(created.body()).path("id").asText();
  }

  /** Adds the contact Ada Lovelace to {@code workspace} and returns its id. */
  static String ada(TestApp app, String workspace) throws Exception {
    HttpResponse<String> created = app.postJson("/api/v1/workspaces/" + workspace + "/contacts",
        "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@example.org\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).path("id").asText();
  }

  /** Adds the company Acme (with a domain of its own) to {@code workspace} and returns its id. */
  static String acme(TestApp app, String workspace) throws Exception {
    HttpResponse<String> created = app.postJson("/api/v1/workspaces/" + workspace + "/companies",
        "{\"name\":\"Acme\",\"domain\":\"acme-" + java.util.UUID.randomUUID() + ".example.com\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).path("id").asText();
  }

  /** A problem+json answer of the given status and type, without a stack trace. */
  static void assertProblem(HttpResponse<String> response, int status, String type) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(response.body()).path("type").asText()).isEqualTo(type);
    assertThat(response.body()).doesNotContain("Exception", "\tat ");
  }
}
