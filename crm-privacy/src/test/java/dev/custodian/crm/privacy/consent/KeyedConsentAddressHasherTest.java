package dev.custodian.crm.privacy.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.consent.AddressHash;
import dev.custodian.crm.core.keys.port.out.KeyProvider;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.privacy.crypto.KeyDerivation;
import dev.custodian.crm.privacy.crypto.KeyedHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KeyedConsentAddressHasherTest {

  private static final byte[] MASTER = new byte[32];

  static {
    for (int i = 0; i < MASTER.length; i++) {
      MASTER[i] = (byte) (i + 1);
    }
  }

  private final KeyProvider keys = MASTER::clone;
  private final KeyedConsentAddressHasher hasher = new KeyedConsentAddressHasher(keys);

  @Test
  @DisplayName("CON-04: the ledger's address hash is keyed per workspace: neither plain SHA-256, the suppression hash nor another workspace's")
  void theHashIsKeyedPerWorkspace() throws Exception {
    WorkspaceId a = WorkspaceId.of(UUID.randomUUID());
    WorkspaceId b = WorkspaceId.of(UUID.randomUUID());
    EmailAddress ada = new EmailAddress("Ada@Example.org");

    AddressHash hash = hasher.hash(a, ada);

    assertThat(hasher.hash(a, new EmailAddress("ada@example.org"))).isEqualTo(hash);
    assertThat(hash.hex()).isEqualTo(KeyedHash.of(KeyDerivation.workspaceKey(MASTER, "consent", a), "email",
        ada.normalised()));
    assertThat(hasher.hash(b, ada)).isNotEqualTo(hash);
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(("email:" + ada.normalised()).getBytes(StandardCharsets.UTF_8)));
    assertThat(hash.hex()).isNotEqualTo(sha256)
        .isNotEqualTo(KeyedHash.of(KeyDerivation.workspaceKey(MASTER, "suppression", a), "email", ada.normalised()));
  }

  @Test
  @DisplayName("CON-04: the padded keys a query hashes with give the same hash (HMAC-SHA256), and say nothing in toString")
  void thePaddedKeysHashAlike() {
    WorkspaceId a = WorkspaceId.of(UUID.randomUUID());
    EmailAddress ada = new EmailAddress("Ada.Lovelace@Example.org");
    dev.custodian.crm.core.consent.AddressHashing hashing = hasher.hashing(a);

    assertThat(hashing.hash(ada)).isEqualTo(hasher.hash(a, ada));
    assertThat(hashing.innerPad()).hasSize(64);
    assertThat(hashing.toString()).doesNotContain(HexFormat.of().formatHex(hashing.innerPad()));
    hashing.destroy();
    assertThat(hashing.hash(ada)).isNotEqualTo(hasher.hash(a, ada));
  }
}
