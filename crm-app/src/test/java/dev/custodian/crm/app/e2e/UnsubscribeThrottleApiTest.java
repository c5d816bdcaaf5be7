package dev.custodian.crm.app.e2e;

import static dev.custodian.crm.app.e2e.ConsentApiFixture.json;
import static dev.custodian.crm.app.e2e.ConsentApiFixture.ws;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.app.e2e.RawHttp.Answer;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.persistence.testing.TestDatabase;
import dev.custodian.crm.privacy.consent.KeyedUnsubscribeTokens;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CON-02 and SEC-07 over real sockets with the server's default throttle (5 per 15 min): forged
 * unsubscribe tokens are counted per client address and end in 429; valid ones, which mail
 * providers post in bulk from few addresses, are never counted nor refused. Each client speaks
 * from its own loopback address (Linux routes all of 127/8 to lo).
 */
class UnsubscribeThrottleApiTest {

  private static final KeyedUnsubscribeTokens TOKENS = new KeyedUnsubscribeTokens(() -> TestApp.MASTER_KEY.clone());
  private static final int LIMIT = 5; // the server's default (Throttle.DEFAULT_LIMIT), as ThrottleApiTest uses

  private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
  @RegisterExtension static final ConsentApiFixture api = ConsentApiFixture.standard().on(clock);
  private static final TestDatabase db = api.db();
  private static TestApp app;
  private static String w;

  @BeforeAll
  static void start() {
    app = api.app();
    w = api.a();
  }

  private static String token(String contact) {
    return TOKENS.mint(WorkspaceId.of(UUID.fromString(w)), ContactId.of(UUID.fromString(contact)),
        new PurposeKey("analytics"));
  }

  /** A one-click POST, as a mail client sends it, from {@code source}. */
  private static Answer unsubscribe(String source, String token) throws IOException {
    String body = "List-Unsubscribe=One-Click";
    return RawHttp.sendFrom(source, app.port(), RawHttp.bytes("POST /api/v1/public/unsubscribe/" + token
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
        + body.length() + "\r\nConnection: close\r\n\r\n" + body));
  }

  private static String forged(String valid) {
    char last = valid.charAt(valid.length() - 2);
    return valid.substring(0, valid.length() - 2) + (last == 'A' ? 'B' : 'A') + valid.charAt(valid.length() - 1);
  }

  @Test
  @DisplayName("CON-02, SEC-07: forged unsubscribe tokens from one IP end in 429 with Retry-After; valid ones from that IP, many more than the limit, still answer 200, before and after")
  void forgedTokensFromOneAddressEndIn429_validOnesNever() throws Exception {
    String provider = "127.0.3.1";
    String valid = token(api.contact(w));
    for (int i = 0; i < 4 * LIMIT; i++) {
      assertThat(unsubscribe(provider, valid).status()).as("valid post %d", i).isEqualTo(200);
    }
    for (int i = 0; i < 4 * LIMIT; i++) {
      assertThat(unsubscribe(provider, token(api.contact(w))).status()).as("valid post for another contact %d", i)
          .isEqualTo(200);
    }
    long events = TestApp.count(db, "consent_events");

    String forged = forged(valid);
    for (int i = 1; i <= LIMIT; i++) {
      assertThat(unsubscribe(provider, forged).status()).as("forged post %d", i).isEqualTo(404);
    }
    Answer refused = unsubscribe(provider, forged);
    assertThat(refused.status()).as(refused.body()).isEqualTo(429);
    assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(refused.body()).contains("/problems/rate-limited");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, Duration.ofMinutes(15).toSeconds());
    assertThat(unsubscribe(provider, "u1.not-even-base64!").status()).as("any defect").isEqualTo(429);
    assertThat(TestApp.count(db, "consent_events")).as("nothing appended").isEqualTo(events);

    String another = token(api.contact(w));
    assertThat(unsubscribe(provider, another).status()).as("a valid token from the refused address").isEqualTo(200);
    assertThat(unsubscribe(provider, valid).status()).isEqualTo(200);
    assertThat(TestApp.count(db, "consent_events")).as("the new contact's objection").isEqualTo(events + 1);
    assertThat(unsubscribe("127.0.3.2", forged).status()).as("another address is counted apart").isEqualTo(404);

    clock.advance(Duration.ofMinutes(15));
    assertThat(unsubscribe(provider, forged).status()).as("the next window").isEqualTo(404);
  }
}
