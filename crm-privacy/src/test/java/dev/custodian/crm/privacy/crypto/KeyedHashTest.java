package dev.custodian.crm.privacy.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeyedHashTest {

  private static final byte[] KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

  @Test
  void isHmacSha256OfKindColonValueAsLowerCaseHex() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
    String expected = HexFormat.of().formatHex(mac.doFinal("email:ada@example.org".getBytes(StandardCharsets.UTF_8)));
    assertThat(KeyedHash.of(KEY, "email", "ada@example.org")).isEqualTo(expected);
  }

  @Test
  void aHasherUnderOneKeyGivesWhatOfGivesForEachValueInTurn() {
    KeyedHash.Hasher hasher = KeyedHash.under(KEY);
    for (String value : new String[] {"ada@example.org", "+442012345678", "", "grace@example.org"}) {
      assertThat(hasher.of("email", value)).isEqualTo(KeyedHash.of(KEY, "email", value));
      assertThat(hasher.of("phone", value)).isEqualTo(KeyedHash.of(KEY, "phone", value));
    }
  }
}
