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

  /** The subject of the mail that invites an account into a workspace. */
  static final String INVITATION_SUBJECT = "You are invited to a Custodian CRM workspace";

  /**
   * A new account, signed in, that joined the workspace at {@code workspacePath} ({@code
   * /api/v1/workspaces/<id>}) as {@code role} (lower case) through an invitation of {@code
   * inviter}'s, its token read off the mail over SMTP.
   */
  static TestApp.Client joined(TestApp app, TestApp.Client inviter, String workspacePath, String role) throws Exception {
    TestApp.Client member = app.newClient().signUpAndSignIn();
    HttpResponse<String> invited = inviter.postJson(workspacePath + "/invitations",
        "{\"email\":\"" + member.email() + "\",\"role\":\"" + role + "\"}");
    assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
    String token = TestApp.awaitMail(member.email(), INVITATION_SUBJECT).get(1);
    HttpResponse<String> accepted = member.postJson("/api/v1/invitations/accept", "{\"token\":\"" + token + "\"}");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    return member;
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
