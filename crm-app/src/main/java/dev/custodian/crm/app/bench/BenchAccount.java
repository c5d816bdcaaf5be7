package dev.custodian.crm.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one account the bench acts as, made through the real HTTP API as a person would: signed up,
 * verified from its mail, signed in, owner of a new workspace, and holder of an ADMIN API key.
 *
 * @param sessionCookie {@code __Host-crm_session=...}, as a {@code Cookie} header value
 * @param apiKey the bearer token {@code crmk_...}
 */
record BenchAccount(String sessionCookie, String apiKey, UUID workspace) {

  private static final Pattern TOKEN = Pattern.compile("#token=(vrf_[A-Za-z0-9_-]{43})");
  private static final Duration MAIL_WAIT = Duration.ofSeconds(20);

  /** The texts of the mails received so far, wherever they arrive (mail files, an SMTP server). */
  @FunctionalInterface
  interface Mails {
    List<String> texts() throws IOException;
  }

  /** Signs up, verifies and signs in through {@code server}; reads the mail {@code mailDir} receives. */
  static BenchAccount create(HttpClient http, URI server, Path mailDir) throws IOException, InterruptedException {
    return create(http, server, () -> {
      List<String> texts = new java.util.ArrayList<>();
      for (Path file : mailFiles(mailDir)) {
        texts.add(Files.readString(file));
      }
      return texts;
    });
  }

  /** Signs up, verifies and signs in through {@code server}; reads the verification mail from {@code mails}. */
  static BenchAccount create(HttpClient http, URI server, Mails mails) throws IOException, InterruptedException {
    Api api = new Api(http, server);
    String email = "bench.owner@example.org";
    String password = "bench passphrase " + UUID.randomUUID();
    api.expect(202, api.post("/api/v1/auth/signup", null, "{\"name\":\"Bench Owner\",\"email\":\"" + email
        + "\",\"password\":\"" + password + "\",\"ageConfirmed\":true}"));
    api.expect(204, api.post("/api/v1/auth/verify-email", null,
        "{\"token\":\"" + verificationToken(mails) + "\"}"));
    HttpResponse<String> login = api.expect(200, api.post("/api/v1/auth/login", null,
        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
    String cookie = login.headers().firstValue("Set-Cookie")
        .map(set -> set.substring(0, set.indexOf(';')))
        .orElseThrow(() -> new IllegalStateException("the sign-in set no session cookie"));
    UUID workspace = UUID.fromString(api.json(api.expect(201,
        api.post("/api/v1/workspaces", cookie, "{\"name\":\"Bench\"}"))).path("id").asText());
    String key = api.json(api.expect(201, api.post("/api/v1/workspaces/" + workspace + "/api-keys", cookie,
        "{\"name\":\"Bench\",\"role\":\"admin\"}"))).path("key").asText();
    return new BenchAccount(cookie, key, workspace);
  }

  /** The verification token of the one mail the sign-up sends, once the dispatcher (every second) wrote it. */
  private static String verificationToken(Mails mails) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + MAIL_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      for (String text : mails.texts()) {
        Matcher token = TOKEN.matcher(text);
        if (token.find()) {
          return token.group(1);
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("no verification mail arrived within " + MAIL_WAIT);
  }

  private static List<Path> mailFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".eml")).toList();
    }
  }

  /** The few calls the set-up makes, each as a browser on the server's own origin would. */
  record Api(HttpClient http, URI server) {

    private static final ObjectMapper JSON = new ObjectMapper();

    HttpResponse<String> post(String path, String cookie, String json) throws IOException, InterruptedException {
      HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path))
          .timeout(Duration.ofSeconds(30))
          .header("Origin", origin())
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json));
      Optional.ofNullable(cookie).ifPresent(c -> request.header("Cookie", c));
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON {@code POST} by API key (a session's cookie rotates under a long run; the key does not). */
    HttpResponse<String> postByKey(String path, String apiKey, String json) throws IOException, InterruptedException {
      return http.send(HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String apiKey) throws IOException, InterruptedException {
      return http.send(HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + apiKey).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> expect(int status, HttpResponse<String> response) {
      if (response.statusCode() != status) {
        throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
            + " answered " + response.statusCode() + " (expected " + status + "): " + response.body());
      }
      return response;
    }

    JsonNode json(HttpResponse<String> response) throws IOException {
      return JSON.readTree(response.body());
    }

    private String origin() {
      return server.getScheme() + "://" + server.getAuthority();
    }
  }
}
