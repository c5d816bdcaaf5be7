package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.app.e2e.RawHttp.Answer;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SEC-07 over real sockets with the default limit (5 per 15 min). Each client speaks from its own
 * loopback address (Linux routes all of 127/8 to lo), so the per-address and the per-IP counts can
 * be driven apart; time moves through the server's clock.
 */
class ThrottleApiTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
  private static final List<String> addressesUsed = new ArrayList<>();
  private static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.start(TestApp.environmentFor(db), clock);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static Answer post(String source, String path, String json) throws IOException {
    return post(app, source, path, json);
  }

  private static Answer post(TestApp server, String source, String path, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return RawHttp.sendFrom(source, server.port(), RawHttp.bytes("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Origin: http://127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n" + json));
  }

  private static Answer reset(String source, String email) throws IOException {
    return post(source, "/api/v1/auth/password-reset", "{\"email\":\"" + email + "\"}");
  }

  private static String address() {
    String address = "grace." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    addressesUsed.add(address);
    return address;
  }

  private static void assertRateLimited(Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(429);
    assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(answer.body()).contains("/problems/rate-limited");
    assertThat(answer.header("Retry-After")).as("Retry-After").matches("\\d+");
    assertThat(Long.parseLong(answer.header("Retry-After"))).isBetween(1L, Duration.ofMinutes(15).toSeconds());
  }

  @Test
  @DisplayName("SEC-07: the 6th reset request in 15 min for an address with no account gets 429 with Retry-After, from any IP")
  void sixthResetForOneAddress_withoutAnAccount() throws IOException {
    String email = address();
    for (int i = 1; i <= 5; i++) {
      assertThat(reset("127.0.1." + i, email).status()).isEqualTo(202);
    }
    assertRateLimited(reset("127.0.1.6", email));
    assertThat(reset("127.0.1.6", address()).status()).as("another address from that IP").isEqualTo(202);
  }

  @Test
  @DisplayName("SEC-07: the 6th reset request in 15 min for an account's address gets 429 with Retry-After, then the window ends")
  void sixthResetForOneAddress_withAnAccount() throws Exception {
    String email = address();
    assertThat(post("127.0.2.99", "/api/v1/auth/signup", "{\"name\":\"Grace Hopper\",\"email\":\"" + email
        + "\",\"password\":\"a compiler is a program " + UUID.randomUUID() + "\",\"ageConfirmed\":true}").status())
        .isEqualTo(202);
    clock.advance(Duration.ofMinutes(16)); // the sign-up counted too; start the reset count afresh
    for (int i = 1; i <= 5; i++) {
      assertThat(reset("127.0.2." + i, email).status()).isEqualTo(202);
    }
    Answer limited = reset("127.0.2.6", email);
    assertRateLimited(limited);
    assertThat(limited.body())
        .as("the same body as for an address with no account")
        .doesNotContain(email);

    clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    assertThat(reset("127.0.2.7", email).status()).as("a new window").isEqualTo(202);
  }

  @Test
  @DisplayName("SEC-07: the 6th request from one IP across addresses gets 429; throttle_entries holds no address or IP in clear")
  void sixthFromOneIp_acrossAddresses() throws Exception {
    for (int i = 1; i <= 5; i++) {
      assertThat(reset("127.0.3.1", address()).status()).isEqualTo(202);
    }
    assertRateLimited(reset("127.0.3.1", address()));
    assertRateLimited(post("127.0.3.1", "/api/v1/auth/verify-email/resend", "{\"email\":\"" + address() + "\"}"));
    assertThat(reset("127.0.3.2", address()).status()).as("another IP").isEqualTo(202);

    String rows = String.join("\n", TestApp.everyRowAsText(db, "throttle_entries").stream()
        .filter(row -> row.startsWith("throttle_entries: ")).toList()).toLowerCase();
    assertThat(rows).contains("throttle_entries").doesNotContain("127.0.").doesNotContain("example.org");
    for (String used : addressesUsed) {
      assertThat(rows).doesNotContain(used.substring(0, used.indexOf('@')));
    }
  }
  @Test
  @DisplayName("SEC-07: two server instances on one database share the count")
  void twoInstancesShareTheCount() throws Exception {
    String email = address();
    try (TestApp second = TestApp.start(TestApp.environmentFor(db), clock)) {
      for (int i = 1; i <= 5; i++) {
        TestApp server = i % 2 == 0 ? second : app;
        assertThat(post(server, "127.0.4." + i, "/api/v1/auth/password-reset", "{\"email\":\"" + email + "\"}")
            .status()).isEqualTo(202);
      }
      assertRateLimited(post(second, "127.0.4.6", "/api/v1/auth/password-reset", "{\"email\":\"" + email + "\"}"));
      assertRateLimited(post(app, "127.0.4.7", "/api/v1/auth/password-reset", "{\"email\":\"" + email + "\"}"));
    }
  }

  /** Moves the clock to one second into the next throttle window, so a test's counts share one window. */
  private static void startANewWindow() {
    long window = Duration.ofMinutes(15).toMillis();
    clock.set(Instant.ofEpochMilli((clock.instant().toEpochMilli() / window + 1) * window + 1000));
  }

  private static Answer login(String source, String email, String password) throws IOException {
    return post(source, "/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
  }

  @Test
  @DisplayName("SEC-07: after 5 wrong passwords in 15 min for one account, from any IPs, even the right one gets 429 until the window ends")
  void fiveWrongPasswordsForOneAccount() throws Exception {
    TestApp.Client member = app.newClient().signUpAndSignIn();
    startANewWindow();
    for (int i = 1; i <= 5; i++) {
      assertThat(login("127.0.5." + i, member.email(), "a wrong passphrase, number " + i).status()).isEqualTo(401);
    }
    assertRateLimited(login("127.0.5.6", member.email(), member.password()));
    assertRateLimited(login("127.0.5.7", member.email(), "yet another wrong passphrase"));

    clock.advance(Duration.ofMinutes(15));
    assertThat(login("127.0.5.8", member.email(), member.password()).status()).as("a new window").isEqualTo(200);
    // RET-08, SEC-09: each throttled attempt is a sign-in event of the account, with its client's IP
    HttpResponse<String> events = member.get("/api/v1/me/login-events?limit=100");
    assertThat(events.statusCode()).isEqualTo(200);
    List<String> throttledFrom = new java.util.ArrayList<>();
    new ObjectMapper().readTree(events.body()).path("items").forEach(e -> {
      if (e.path("action").asText().equals("sign_in_throttled")) {
        throttledFrom.add(e.path("ip").asText());
      }
    });
    assertThat(throttledFrom).containsExactlyInAnyOrder("127.0.5.6", "127.0.5.7");
  }

  @Test
  @DisplayName("SEC-07: after 5 failed sign-ins from one IP across accounts, that IP gets 429 even with a right password; another IP does not")
  void fiveFailuresFromOneIp_acrossAccounts() throws Exception {
    TestApp.Client member = app.newClient().signUpAndSignIn();
    startANewWindow();
    for (int i = 1; i <= 5; i++) {
      assertThat(login("127.0.6.1", address(), "a passphrase for no account").status()).isEqualTo(401);
    }
    assertRateLimited(login("127.0.6.1", member.email(), member.password()));
    assertThat(login("127.0.6.2", member.email(), member.password()).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("SEC-07: a successful sign-in clears its account's count of failures")
  void aSuccessClearsTheAccountsCount() throws Exception {
    TestApp.Client member = app.newClient().signUpAndSignIn();
    startANewWindow();
    int source = 1;
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 4; i++) {
        assertThat(login("127.0.7." + source++, member.email(), "a wrong passphrase again").status()).isEqualTo(401);
      }
      assertThat(login("127.0.7." + source++, member.email(), member.password()).status())
          .as("round %d: 4 failures, then the right password", round).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("SEC-07: an unknown email and a wrong password answer alike, and both count")
  void unknownEmailAndWrongPasswordAnswerAlike() throws Exception {
    TestApp.Client member = app.newClient().signUpAndSignIn();
    startANewWindow();
    Answer wrong = login("127.0.8.1", member.email(), "not the passphrase of this account");
    Answer unknown = login("127.0.8.2", address(), "not the passphrase of this account");
    assertThat(unknown.status()).isEqualTo(wrong.status()).isEqualTo(401);
    assertThat(unknown.body()).isEqualTo(wrong.body());
    for (int i = 0; i < 4; i++) { // an unknown email counts for its client address ...
      login("127.0.8.2", address(), "not the passphrase of any account");
    }
    assertRateLimited(login("127.0.8.2", member.email(), member.password()));
    for (int i = 3; i <= 6; i++) { // ... and a wrong password for its account: the first above was one
      login("127.0.8." + i, member.email(), "not the passphrase of this account either");
    }
    assertRateLimited(login("127.0.8.7", member.email(), member.password()));
  }

  @Test
  @DisplayName("SEC-07: 20 wrong passwords for one account sent at once get five 401s and fifteen 429s: parallel guesses cannot outrun the count")
  void parallelGuessesAreCountedBeforeTheyAreChecked() throws Exception {
    TestApp.Client member = app.newClient().signUpAndSignIn();
    startANewWindow();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
      for (int i = 1; i <= 20; i++) {
        String source = "127.0.9." + i;
        answers.add(pool.submit(() -> {
          start.await();
          return login(source, member.email(), "a guessed passphrase, wrong").status();
        }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (var answer : answers) {
        statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      assertThat(statuses).filteredOn(status -> status == 401).hasSize(5);
      assertThat(statuses).filteredOn(status -> status == 429).hasSize(15);
    } finally {
      pool.shutdownNow();
    }
  }
}
