package dev.custodian.crm.privacy.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.throttle.ThrottleKey;
import dev.custodian.crm.privacy.crypto.MasterKey;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeyedThrottleHasherTest {

  private static final byte[] MASTER =
      HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

  private final KeyedThrottleHasher hasher = new KeyedThrottleHasher(MasterKey.of(MASTER));

  /** RFC 5869 with SHA-256 written out with the JDK's HMAC (one expand block), then the HMAC. */
  private static String reference(String info, String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("custodian-crm/v1".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] prk = mac.doFinal(MASTER);
    mac.init(new SecretKeySpec(prk, "HmacSHA256"));
    mac.update(info.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 1);
    byte[] key = mac.doFinal();
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void hashIsHmacSha256UnderTheThrottlePlatformKey_ofKindScopeAndValue() throws Exception {
    assertThat(hasher.hash(ThrottleKey.email("auth", "ada@example.org")))
        .isEqualTo(reference("throttle:platform", "email:auth:ada@example.org"))
        .hasSize(64);
    assertThat(hasher.hash(ThrottleKey.clientIp("auth", "2001:db8:1:2::9")))
        .isEqualTo(reference("throttle:platform", "ip:auth:2001:db8:1:2::/64"));
  }

  @Test
  void hashesDifferByScopeKindAndValue_andHoldNoValue() {
    String address = hasher.hash(ThrottleKey.email("auth", "ada@example.org"));
    assertThat(address).doesNotContain("ada")
        .isEqualTo(hasher.hash(ThrottleKey.email("auth", "ada@example.org")))
        .isNotEqualTo(hasher.hash(ThrottleKey.email("sign-in", "ada@example.org")))
        .isNotEqualTo(hasher.hash(new ThrottleKey("auth", "ip", "ada@example.org")))
        .isNotEqualTo(hasher.hash(ThrottleKey.email("auth", "bob@example.org")));
  }
}
