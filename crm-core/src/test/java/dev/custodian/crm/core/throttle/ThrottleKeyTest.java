package dev.custodian.crm.core.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ThrottleKeyTest {

  @Test
  void ipv4_isKeptAsIs() {
    assertThat(ThrottleKey.clientIp("auth", "192.0.2.10").normalisedValue()).isEqualTo("192.0.2.10");
  }

  @Test
  void ipv6_isReducedToItsSlash64Prefix_whateverItsSpelling() throws Exception {
    ThrottleKey a = ThrottleKey.clientIp("auth", "2001:DB8:0001:0002:aaaa::1");
    ThrottleKey b = ThrottleKey.clientIp("auth", "[2001:db8:1:2:ffff:ffff:ffff:ffff]");
    ThrottleKey c = ThrottleKey.clientIp("auth", InetAddress.getByName("2001:db8:1:2::7%1"));

    assertThat(a.normalisedValue()).isEqualTo("2001:db8:1:2::/64");
    assertThat(b).isEqualTo(a);
    assertThat(c).isEqualTo(a);
    assertThat(ThrottleKey.clientIp("auth", "2001:db8:1:3::1")).isNotEqualTo(a);
    assertThat(ThrottleKey.clientIp("auth", "::1").normalisedValue()).isEqualTo("0:0:0:0::/64");
  }

  @Test
  void ipv4MappedIpv6_countsAsItsIpv4Address() {
    assertThat(ThrottleKey.clientIp("auth", "::ffff:192.0.2.10")).isEqualTo(ThrottleKey.clientIp("auth", "192.0.2.10"));
  }

  @Test
  void onlyAddressLiteralsAreAccepted_soNoNameIsEverLookedUp() {
    for (String notALiteral : new String[] {"localhost", "example.org", "1.2.3.4.5", "256.1.1.1", "1.2.3", "",
        "fe80::1::2", "dead:beef:xyz::1"}) {
      assertThatThrownBy(() -> ThrottleKey.clientIp("auth", notALiteral)).as(notALiteral)
          .isInstanceOf(IllegalArgumentException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(notALiteral.isEmpty() ? "\u0000" : notALiteral));
    }
  }

  @Test
  void toString_leavesTheValueOut() {
    ThrottleKey key = ThrottleKey.email("auth", "ada@example.org");
    assertThat(key.toString()).doesNotContain("ada").contains("auth").contains("email");
    assertThat(ThrottleKey.clientIp("auth", "192.0.2.10").toString()).doesNotContain("192.0.2");
  }

  @Test
  void scopeAndKind_areLowerCaseLabelsWithoutColons() {
    assertThatThrownBy(() -> ThrottleKey.email("a:b", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ThrottleKey.email("Auth", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ThrottleKey("auth", "", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ThrottleKey.email("auth", "")).isInstanceOf(IllegalArgumentException.class);
  }
}
