package dev.custodian.crm.app.bench;

import dev.custodian.crm.app.bench.Scenario.Kind;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scenarios of {@code bench api}, in the order each round runs them: the server's
 * authenticated reads and writes, then the ceiling's three routes.
 */
final class ApiScenarios {

  static final int PAGE_SIZE = 50;
  static final int DEEP_PAGE = 200;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private ApiScenarios() {}

  /**
   * @param contacts the seeded contacts' ids: each read picks one at random, so reads spread over
   *     the table as real ones would, not one hot row
   * @param deepPage the page number {@code deepCursor} opens (200, or the last full page of a
   *     smaller seed)
   */
  static List<Scenario> all(URI server, URI ceiling, BenchAccount account, List<UUID> contacts,
      int deepPage, String deepCursor, RoundTripCounter serverCounter, RoundTripCounter ceilingCounter) {
    String origin = server.getScheme() + "://" + server.getAuthority();
    String base = "/api/v1/workspaces/" + account.workspace() + "/contacts";
    AtomicLong posted = new AtomicLong();
    AtomicLong inserted = new AtomicLong();
    String list = base + "?limit=" + PAGE_SIZE;
    String deep = list + "&cursor=" + URLEncoder.encode(deepCursor, StandardCharsets.UTF_8);
    return List.of(
        new Scenario("GET contact (cookie)", Kind.SERVER_READ, 200,
            () -> withCookie(get(server, base + "/" + any(contacts)), account), serverCounter),
        new Scenario("GET contact (API key)", Kind.SERVER_READ, 200,
            () -> get(server, base + "/" + any(contacts)).header("Authorization", "Bearer " + account.apiKey())
                .build(), serverCounter),
        new Scenario("POST contact (cookie)", Kind.SERVER_WRITE, 201,
            () -> withCookie(post(server, base, newContact("post", posted.incrementAndGet()))
                .header("Origin", origin), account), serverCounter),
        new Scenario("list page 1 (cookie)", Kind.SERVER_READ, 200,
            () -> withCookie(get(server, list), account), serverCounter),
        new Scenario("list page " + deepPage + " (cookie)", Kind.SERVER_READ, 200,
            () -> withCookie(get(server, deep), account), serverCounter),
        new Scenario("ceiling: SELECT", Kind.CEILING_SELECT, 200,
            () -> get(ceiling, CeilingServer.PLAIN_GET + any(contacts)).build(), ceilingCounter),
        new Scenario("ceiling: tx SELECT", Kind.CEILING_TRANSACTION, 200,
            () -> get(ceiling, CeilingServer.TX_GET + any(contacts)).build(), ceilingCounter),
        new Scenario("ceiling: INSERT", Kind.CEILING_INSERT, 201,
            () -> post(ceiling, CeilingServer.PLAIN_POST, newContact("ceiling", inserted.incrementAndGet())).build(),
            ceilingCounter));
  }

  private static UUID any(List<UUID> contacts) {
    return contacts.get(ThreadLocalRandom.current().nextInt(contacts.size()));
  }

  /** A new contact's body; its email is unique in the workspace (the seed's are contact.N@...). */
  private static String newContact(String prefix, long n) {
    return "{\"firstName\":\"Bench\",\"lastName\":\"" + prefix + " " + n + "\",\"email\":\"" + prefix + "." + n
        + "@Bench.Example.org\",\"phone\":\"+44 20 " + String.format(Locale.ROOT, "%08d", n % 100_000_000) + "\"}";
  }

  private static HttpRequest.Builder get(URI server, String path) {
    return HttpRequest.newBuilder(server.resolve(path)).timeout(TIMEOUT).GET();
  }

  private static HttpRequest.Builder post(URI server, String path, String json) {
    return HttpRequest.newBuilder(server.resolve(path)).timeout(TIMEOUT)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private static HttpRequest withCookie(HttpRequest.Builder request, BenchAccount account) {
    return request.header("Cookie", account.sessionCookie()).build();
  }
}
