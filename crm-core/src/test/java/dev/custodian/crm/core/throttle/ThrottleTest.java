package dev.custodian.crm.core.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.core.common.error.RateLimitedException;
import dev.custodian.crm.core.throttle.port.out.ThrottleHasher;
import dev.custodian.crm.core.throttle.service.Throttle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The throttle over the in-memory store, with a clock moved by hand. */
class ThrottleTest {

  /** The start of a 15-minute window aligned on the epoch. */
  private static final Instant WINDOW_START = Instant.parse("2030-01-01T10:15:00Z");
  private static final String AUTH = "auth";

  private final MutableClock clock = new MutableClock(WINDOW_START.plus(Duration.ofMinutes(5)));
  private final InMemoryTransactions tx = new InMemoryTransactions();
  private final InMemoryThrottleRepository entries = new InMemoryThrottleRepository(tx);
  private final ThrottleHasher hasher = ThrottleTest::sha256;
  private final Throttle throttle = new Throttle(tx, entries, hasher, clock);

  private static ThrottleKey email(String address) {
    return ThrottleKey.email(AUTH, address);
  }

  private static ThrottleKey ip(String literal) {
    return ThrottleKey.clientIp(AUTH, literal);
  }

  private void allowed(ThrottleKey... keys) {
    assertThatCode(() -> throttle.check(keys)).doesNotThrowAnyException();
  }

  private RateLimitedException refused(ThrottleKey... keys) {
    try {
      throttle.check(keys);
    } catch (RateLimitedException e) {
      return e;
    }
    throw new AssertionError("the check was allowed");
  }

  @Test
  @DisplayName("SEC-07: five requests for one address are allowed, the sixth gets a retry-after to the window's end")
  void fiveAllowed_theSixthRefused_untilTheWindowEnds() {
    for (int i = 0; i < 5; i++) {
      allowed(email("ada@example.org"), ip("192.0.2." + (i + 1)));
    }
    RateLimitedException e = refused(email("ada@example.org"), ip("192.0.2.6"));

    assertThat(e.retryAfterSeconds()).isEqualTo(Duration.ofMinutes(10).toSeconds());
    assertThat(e.getMessage()).doesNotContain("ada").doesNotContain("192.0.2");
  }

  @Test
  void givenANewWindow_thenAllowedAgain() {
    for (int i = 0; i < 5; i++) {
      allowed(email("ada@example.org"));
    }
    refused(email("ada@example.org"));

    clock.set(WINDOW_START.plus(Duration.ofMinutes(15)));
    allowed(email("ada@example.org"));
  }

  @Test
  void retryAfter_isRoundedUpToWholeSeconds_andAtLeastOne() {
    for (int i = 0; i < 5; i++) {
      allowed(email("ada@example.org"));
    }
    Instant end = WINDOW_START.plus(Duration.ofMinutes(15));
    clock.set(end.minusMillis(1500));
    assertThat(refused(email("ada@example.org")).retryAfterSeconds()).isEqualTo(2);
    clock.set(end.minusMillis(1));
    assertThat(refused(email("ada@example.org")).retryAfterSeconds()).isEqualTo(1);
  }

  @Test
  @DisplayName("SEC-07: the sixth request from one IP is refused across addresses")
  void perIp_acrossAddresses() {
    for (int i = 0; i < 5; i++) {
      allowed(email("person" + i + "@example.org"), ip("198.51.100.7"));
    }
    refused(email("someone-new@example.org"), ip("198.51.100.7"));
    allowed(email("another-new@example.org"), ip("198.51.100.8"));
  }

  @Test
  void perAddress_acrossIps() {
    for (int i = 0; i < 5; i++) {
      allowed(email("ada@example.org"), ip("203.0.113." + i));
    }
    refused(email("ada@example.org"), ip("203.0.113.99"));
  }

  @Test
  @DisplayName("SEC-07: IPv6 clients count by their /64 prefix")
  void ipv6_countsByItsSlash64() {
    for (int i = 1; i <= 5; i++) {
      allowed(email("person" + i + "@example.org"), ip("2001:db8:1:2::" + Integer.toHexString(i)));
    }
    refused(email("person6@example.org"), ip("2001:db8:1:2:ffff:ffff:ffff:ffff"));
    allowed(email("person7@example.org"), ip("2001:db8:1:3::1"));
  }

  @Test
  void aRefusedRequestStillCounts_andSoDoItsOtherKeys() {
    for (int i = 0; i < 5; i++) {
      allowed(email("ada@example.org"));
    }
    refused(email("ada@example.org"), ip("192.0.2.1")); // the 6th hit on the address, the 1st on the IP

    Instant end = WINDOW_START.plus(Duration.ofMinutes(15));
    int addressHits = tx.inPlatform(() -> entries.hit(sha256(email("ada@example.org")), WINDOW_START, end, clock.instant()));
    int ipHits = tx.inPlatform(() -> entries.hit(sha256(ip("192.0.2.1")), WINDOW_START, end, clock.instant()));
    assertThat(addressHits).as("the refused request's hit was committed").isEqualTo(7);
    assertThat(ipHits).isEqualTo(2);
  }

  @Test
  void scopesCountApart() {
    for (int i = 0; i < 5; i++) {
      allowed(email("ada@example.org"));
    }
    allowed(ThrottleKey.email("sign-in", "ada@example.org"));
  }

  @Test
  void aKeyGivenTwice_countsOnce() {
    for (int i = 0; i < 5; i++) {
      allowed(email("ada@example.org"), email("ada@example.org"));
    }
    refused(email("ada@example.org"));
  }

  @Test
  void limitAndWindow_areTheConstructorsParameters() {
    Throttle strict = new Throttle(tx, entries, hasher, clock, 2, Duration.ofMinutes(1));
    strict.check(email("bob@example.org"));
    strict.check(email("bob@example.org"));
    assertThatThrownBy(() -> strict.check(email("bob@example.org")))
        .isInstanceOfSatisfying(RateLimitedException.class,
            e -> assertThat(e.retryAfterSeconds()).isEqualTo(60)); // 10:20:00 is a minute's start
    assertThat(throttle.limit()).isEqualTo(5);
    assertThat(throttle.window()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void theWindowHasAMaximumAndAMinimum_andTheLimitIsPositive() {
    assertThatCode(() -> new Throttle(tx, entries, hasher, clock, 1, Duration.ofSeconds(1))).doesNotThrowAnyException();
    assertThatCode(() -> new Throttle(tx, entries, hasher, clock, 1, Duration.ofHours(24))).doesNotThrowAnyException();
    assertThatThrownBy(() -> new Throttle(tx, entries, hasher, clock, 1, Duration.ofMillis(999)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Throttle(tx, entries, hasher, clock, 1, Duration.ofHours(24).plusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Throttle(tx, entries, hasher, clock, 0, Duration.ofMinutes(15)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCheckNeedsAKey() {
    assertThatThrownBy(() -> throttle.check()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void purgeEnded_removesTheEndedWindowsOnly() {
    allowed(email("ada@example.org"));
    clock.set(WINDOW_START.plus(Duration.ofMinutes(15)));
    allowed(email("bob@example.org"));

    assertThat(throttle.purgeEnded()).isEqualTo(1);
    assertThat(throttle.purgeEnded()).isZero();
  }

  private static String sha256(ThrottleKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(
          (key.kind() + ":" + key.scope() + ":" + key.normalisedValue()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
