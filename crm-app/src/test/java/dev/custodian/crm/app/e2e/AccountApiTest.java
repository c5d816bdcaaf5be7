package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.app.AccountConfig;
import dev.custodian.crm.app.SuiteLanes;
import dev.custodian.crm.core.account.Password;
import dev.custodian.crm.core.account.PasswordHash;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.persistence.testing.LogCapture;
import dev.custodian.crm.persistence.testing.TestDatabase;
import dev.custodian.crm.privacy.crypto.Argon2PasswordHasher;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Accounts over a real socket on real PostgreSQL, with mail through the SMTP adapter to a real
 * SMTP server on loopback, and time moved through the server's clock.
 */
@ResourceLock(SuiteLanes.SHARED_OBSERVERS) // it watches every log line and every mail the SMTP server received
class AccountApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "correct horse battery staple " + UUID.randomUUID();

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T08:00:00Z"));
  private static TestApp app;
  private static LogCapture logs;

  @BeforeAll
  static void start() {
    logs = new LogCapture();
    Map<String, String> env = TestApp.environmentFor(db);
    env.put(AccountConfig.THROTTLE_LIMIT, "1000"); // this class is about the flows; SEC-07 has its own
    app = TestApp.start(env, clock);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    logs.close();
  }

  private static String address() {
    return "Ada." + UUID.randomUUID().toString().substring(0, 8) + "@Example.org";
  }

  private static HttpResponse<String> signUp(String email, String password) throws Exception {
    return app.postJson("/api/v1/auth/signup", "{\"name\":\"Ada Lovelace\",\"email\":\"" + email
        + "\",\"organisation\":\"Analytical Engines\",\"password\":\"" + password + "\",\"ageConfirmed\":true}");
  }

  private static List<String> awaitMail(String email, String subject) throws Exception {
    return TestApp.awaitMail(email, subject);
  }

  @Test
  @DisplayName("ACC-10: the mailed token verifies once, then fails; a fresh one fails after 1 h")
  void verificationTokensWorkOnceAndExpire() throws Exception {
    String email = address();
    assertThat(signUp(email, PASSWORD).statusCode()).isEqualTo(202);
    List<String> mail = awaitMail(email, "Confirm your email address");
    assertThat(mail.get(0)).startsWith("http://127.0.0.1:" + app.port() + "/verify-email");

    assertThat(app.postJson("/api/v1/auth/verify-email", "{\"token\":\"" + mail.get(1) + "\"}").statusCode())
        .isEqualTo(204);
    ApiTestSupport.assertProblem(app.postJson("/api/v1/auth/verify-email", "{\"token\":\"" + mail.get(1) + "\"}"),
        400, "/problems/invalid-token");
    assertThat(verifiedAt(email)).isNotNull();

    String other = address();
    signUp(other, PASSWORD);
    String fresh = awaitMail(other, "Confirm your email address").get(1);
    clock.advance(Duration.ofMinutes(61));
    ApiTestSupport.assertProblem(app.postJson("/api/v1/auth/verify-email", "{\"token\":\"" + fresh + "\"}"),
        400, "/problems/invalid-token");
    assertThat(verifiedAt(other)).isNull();
  }

  @Test
  @DisplayName("ACC-09: sign-up with a taken and a new address: same status, byte-identical bodies, one hash each")
  void aTakenAddressLooksLikeANewOne() throws Exception {
    String email = address();
    HttpResponse<String> first = signUp(email, PASSWORD);
    HttpResponse<String> again = signUp(email.toUpperCase(), PASSWORD + "x");
    HttpResponse<String> fresh = signUp(address(), PASSWORD);
    assertThat(List.of(first.statusCode(), again.statusCode(), fresh.statusCode())).containsOnly(202);
    assertThat(again.body()).isEqualTo(first.body()).isEqualTo(fresh.body());
    awaitMail(email, "Confirm your email address");
    assertThat(awaitMail(email, "You already have an account").get(1)).as("no token in it").isNull();
    assertThat(TestApp.count(db, "accounts where email_normalised = '" + email.toLowerCase() + "'")).isEqualTo(1);
  }

  @Test
  @DisplayName("ACC-01: a reset sets a password the hasher then accepts, and no password or token is stored or logged")
  void aResetSetsANewPassword_andNoSecretIsKept() throws Exception {
    String email = address();
    signUp(email, PASSWORD);
    awaitMail(email, "Confirm your email address");
    assertThat(app.postJson("/api/v1/auth/password-reset", "{\"email\":\"" + email + "\"}").statusCode()).isEqualTo(202);
    assertThat(app.postJson("/api/v1/auth/password-reset", "{\"email\":\"nobody." + UUID.randomUUID()
        + "@example.org\"}").statusCode()).as("with or without an account").isEqualTo(202);
    String token = awaitMail(email, "Reset your password").get(1);

    ApiTestSupport.assertProblem(app.postJson("/api/v1/auth/password-reset/confirm",
        "{\"token\":\"" + token + "\",\"password\":\"short\"}"), 400, "/problems/validation");
    String newPassword = "a new and long passphrase " + UUID.randomUUID();
    assertThat(app.postJson("/api/v1/auth/password-reset/confirm",
        "{\"token\":\"" + token + "\",\"password\":\"" + newPassword + "\"}").statusCode())
        .as("a refused password left the token usable").isEqualTo(204);

    PasswordHash stored = new PasswordHash(column(email, "password_hash"));
    assertThat(stored.encoded()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(new Argon2PasswordHasher().verify(new Password(newPassword), stored)).isTrue();
    assertThat(new Argon2PasswordHasher().verify(new Password(PASSWORD), stored)).isFalse();
    assertThat(verifiedAt(email)).as("the reset mail proved the address").isNotNull();

    String everything = String.join("\n", TestApp.everyRowAsText(db, "accounts", "mail_tokens", "mail_outbox"));
    assertThat(everything).contains(email).doesNotContain(PASSWORD).doesNotContain(newPassword).doesNotContain(token);
    assertThat(logs.lines()).noneMatch(line -> line.contains(PASSWORD) || line.contains(newPassword)
        || line.contains(token) || line.toLowerCase().contains(email.toLowerCase()));
  }

  @Test
  @DisplayName("ACC-09: bad sign-up input answers every field error at once and stores and sends nothing")
  void badInputIsRefusedAllAtOnce() throws Exception {
    long accounts = TestApp.count(db, "accounts");
    int mails = TestApp.SMTP.getReceivedMessages().length;
    HttpResponse<String> bad = app.postJson("/api/v1/auth/signup",
        "{\"name\":\"\",\"email\":\"nope\",\"password\":\"" + "x".repeat(14) + "\",\"ageConfirmed\":false}");
    ApiTestSupport.assertProblem(bad, 400, "/problems/validation");
    JsonNode errors = JSON.readTree(bad.body()).path("errors");
    List<String> pointers = new ArrayList<>();
    errors.forEach(e -> pointers.add(e.path("pointer").asText()));
    assertThat(pointers).containsExactly("#/name", "#/email", "#/password", "#/ageConfirmed");

    for (String password : List.of("p".repeat(129), "passwordpassword")) {
      HttpResponse<String> refused = signUp(address(), password);
      ApiTestSupport.assertProblem(refused, 400, "/problems/validation");
      assertThat(refused.body()).contains("#/password");
    }
    HttpResponse<String> noAge = app.postJson("/api/v1/auth/signup", "{\"name\":\"A\",\"email\":\"" + address()
        + "\",\"password\":\"" + PASSWORD + "\"}");
    assertThat(noAge.body()).contains("#/ageConfirmed");
    HttpResponse<String> extra = app.postJson("/api/v1/auth/signup", "{\"name\":\"A\",\"email\":\"" + address()
        + "\",\"password\":\"" + PASSWORD + "\",\"ageConfirmed\":true,\"phone\":\"+441234567890\"}");
    ApiTestSupport.assertProblem(extra, 400, "/problems/validation");
    assertThat(extra.body()).contains("#/phone");

    assertThat(TestApp.count(db, "accounts")).isEqualTo(accounts);
    Thread.sleep(1_500); // two rounds of the dispatcher: nothing may have gone out
    assertThat(TestApp.SMTP.getReceivedMessages()).hasSize(mails);
  }

  private static String column(String email, String column) throws Exception {
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select " + column + " from accounts where email_normalised = '"
            + email.toLowerCase() + "'")) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  private static String verifiedAt(String email) throws Exception {
    return column(email, "email_verified_at");
  }
}
