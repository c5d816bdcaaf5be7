package dev.custodian.crm.core.common.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.custodian.crm.core.session.SessionPolicy;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenGeneratorTest {

  private final TokenGenerator tokens = TokenGenerator.secureRandom();

  @Test
  void aTokenIsItsPrefixThen32RandomBytesAsUnpaddedBase64url() {
    String token = tokens.newToken("vrf_");

    assertThat(token).startsWith("vrf_").hasSize(4 + 43).matches("vrf_[A-Za-z0-9_-]{43}");
    assertThat(Base64.getUrlDecoder().decode(token.substring(4))).hasSize(32);
  }

  @Test
  void tokensDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      assertThat(seen.add(tokens.newToken("rst_"))).isTrue();
    }
  }

  @Test
  @DisplayName("ACC-05: a session token holds 32 random bytes after its prefix, and 100,000 generated are distinct")
  void sessionTokensAre32RandomBytes_andDoNotRepeatIn100000() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      String token = tokens.newToken(SessionPolicy.TOKEN_PREFIX);
      assertThat(Base64.getUrlDecoder().decode(token.substring(SessionPolicy.TOKEN_PREFIX.length()))).hasSize(32);
      assertThat(seen.add(token)).isTrue();
    }
    assertThat(seen).hasSize(100_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "vrf", "VRF_", "v_", "verylongx_", "vr f_", "vrf-"})
  void aMalformedPrefixIsRefused(String prefix) {
    assertThatThrownBy(() -> tokens.newToken(prefix)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theStoredFormIsTheSha256HexOfTheWholeToken() {
    // FIPS 180-2's test vector for "abc".
    assertThat(TokenHash.of("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    String token = tokens.newToken("vrf_");
    assertThat(TokenHash.of(token)).hasSize(TokenHash.LENGTH).matches("[0-9a-f]{64}")
        .isNotEqualTo(TokenHash.of(token.substring(4)));
  }
}
