package dev.custodian.crm.privacy.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeyDerivationTest {

  private static final byte[] MASTER = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

  /** RFC 5869 with SHA-256 written out with the JDK's HMAC: extract, then one expand block. */
  private static byte[] referenceHkdf(byte[] ikm, String salt, String info) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] prk = mac.doFinal(ikm);
    mac.init(new SecretKeySpec(prk, "HmacSHA256"));
    mac.update(info.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 1);
    return mac.doFinal();
  }

  @Test
  void workspaceKeyIsHkdfSha256WithTheFixedSaltAndPurposeInfo() throws Exception {
    UUID workspace = UUID.fromString("3f1c2a54-8e1b-4c1e-9d1a-0a1b2c3d4e5f");
    byte[] derived = KeyDerivation.workspaceKey(MASTER, "suppression", WorkspaceId.of(workspace));
    assertThat(derived).hasSize(32)
        .isEqualTo(referenceHkdf(MASTER, "custodian-crm/v1", "suppression:" + workspace));
    assertThat(KeyDerivation.platformKey(MASTER, "accounts"))
        .isEqualTo(referenceHkdf(MASTER, "custodian-crm/v1", "accounts:platform"));
  }

  @Test
  void keysDifferByWorkspaceAndPurpose() {
    WorkspaceId a = WorkspaceId.of(UUID.randomUUID());
    WorkspaceId b = WorkspaceId.of(UUID.randomUUID());
    assertThat(KeyDerivation.workspaceKey(MASTER, "suppression", a))
        .isNotEqualTo(KeyDerivation.workspaceKey(MASTER, "suppression", b))
        .isNotEqualTo(KeyDerivation.workspaceKey(MASTER, "secrets", a));
  }

  @Test
  void masterKeyMustBe32Bytes() {
    assertThatThrownBy(() -> KeyDerivation.platformKey(new byte[16], "x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keyCheckValueIsHmacOfTheFixedLabel_andNeverTheKey() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(MASTER, "HmacSHA256"));
    String expected = HexFormat.of().formatHex(mac.doFinal("custodian-crm/key-check/v1".getBytes(StandardCharsets.UTF_8)));
    assertThat(MasterKeyCheck.valueOf(MASTER)).isEqualTo(expected).doesNotContain(HexFormat.of().formatHex(MASTER));
  }
}
