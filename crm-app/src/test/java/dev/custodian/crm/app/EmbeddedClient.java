package dev.custodian.crm.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP client of a server on the embedded default, as a browser on its own origin: it signs up,
 * confirms the address from the mail file {@code CRM_DATA_DIR/mail/} holds, signs in, and sends the
 * session cookie with every later call, across restarts of the server.
 */
final class EmbeddedClient {

  private static final Pattern TOKEN = Pattern.compile("#token=(vrf_[A-Za-z0-9_-]{43})");

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private String cookie;

  /** Signs up {@code email}, verifies it through its mail file, signs in; returns the mail file's text. */
  String signUpVerifyAndSignIn(CrmServer server, Path dataDir, String email, String password) throws Exception {
    assertThat(call(server, "POST", "/api/v1/auth/signup", "{\"name\":\"Ada\",\"email\":\"" + email
        + "\",\"password\":\"" + password + "\",\"ageConfirmed\":true}").statusCode()).isEqualTo(202);
    Path mailDir = dataDir.resolve("mail");
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (mailFiles(mailDir).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(mailFiles(mailDir)).as("one mail in %s", mailDir).hasSize(1);
    String mail = Files.readString(mailFiles(mailDir).get(0));
    Matcher token = TOKEN.matcher(mail);
    assertThat(token.find()).as("a verification token in the mail").isTrue();
    assertThat(call(server, "POST", "/api/v1/auth/verify-email", "{\"token\":\"" + token.group(1) + "\"}")
        .statusCode()).isEqualTo(204);
    HttpResponse<String> login = call(server, "POST", "/api/v1/auth/login",
        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    return mail;
  }

  /** A call with the server's origin and, once signed in, the session cookie; {@code json} null for none. */
  HttpResponse<String> call(CrmServer server, String method, String path, String json)
      throws IOException, InterruptedException {
    String origin = "http://127.0.0.1:" + server.port();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path))
        .timeout(Duration.ofSeconds(30)).header("Origin", origin);
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    response.headers().firstValue("Set-Cookie").ifPresent(set -> cookie = set.split(";")[0]);
    return response;
  }

  static List<Path> mailFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".eml")).toList();
    }
  }
}
