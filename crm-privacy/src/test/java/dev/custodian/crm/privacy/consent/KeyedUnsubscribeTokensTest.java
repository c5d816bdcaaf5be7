package dev.custodian.crm.privacy.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.consent.port.out.UnsubscribeTokens;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.keys.port.out.KeyProvider;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.privacy.crypto.KeyDerivation;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KeyedUnsubscribeTokensTest {

  private static final byte[] MASTER = new byte[32];

  static {
    for (int i = 0; i < MASTER.length; i++) {
      MASTER[i] = (byte) (i + 7);
    }
  }

  private final KeyProvider keys = MASTER::clone;
  private final UnsubscribeTokens tokens = new KeyedUnsubscribeTokens(keys);
  private final WorkspaceId workspace = WorkspaceId.of(UUID.randomUUID());
  private final ContactId contact = ContactId.of(UUID.randomUUID());
  private final PurposeKey purpose = new PurposeKey("marketing-email");

  @Test
  @DisplayName("CON-02: the token is u1. and base64url of the workspace, contact and purpose ids and the first 16 bytes of HMAC-SHA256 of unsubscribe:<contact>:<purpose> under the workspace's unsubscribe key")
  void theFormatIsKeptForGood() throws Exception {
    String token = tokens.mint(workspace, contact, purpose);

    assertThat(token).startsWith("u1.").matches("u1\\.[A-Za-z0-9_-]{86}");
    ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(token.substring(3)));
    assertThat(new UUID(bytes.getLong(), bytes.getLong())).isEqualTo(workspace.value());
    assertThat(new UUID(bytes.getLong(), bytes.getLong())).isEqualTo(contact.value());
    assertThat(new UUID(bytes.getLong(), bytes.getLong())).isEqualTo(purpose.auditId());
    byte[] mac = new byte[16];
    bytes.get(mac);
    Mac hmac = Mac.getInstance("HmacSHA256");
    hmac.init(new SecretKeySpec(KeyDerivation.workspaceKey(MASTER, "unsubscribe", workspace), "HmacSHA256"));
    byte[] expected = hmac.doFinal(("unsubscribe:" + contact.value() + ":marketing-email").getBytes(StandardCharsets.UTF_8));
    assertThat(mac).isEqualTo(Arrays.copyOf(expected, 16));
    assertThat(tokens.read(token)).contains(new UnsubscribeTokens.Named(workspace, contact, purpose.auditId()));
    assertThat(tokens.verify(token, purpose)).isTrue();
    assertThat(tokens.mint(workspace, contact, purpose)).as("no expiry, no randomness").isEqualTo(token);
  }

  @Test
  @DisplayName("CON-02: a token with any one defect does not verify")
  void eachDefectAloneFails() {
    String token = tokens.mint(workspace, contact, purpose);
    byte[] bytes = Base64.getUrlDecoder().decode(token.substring(3));
    List<String> forged = List.of(
        "u2." + token.substring(3), // another version
        token.substring(0, token.length() - 1), // cut
        token + "A", // longer
        token.substring(0, 10) + "!" + token.substring(11), // not base64url
        withByte(bytes, 0), // another workspace (its key differs too)
        withByte(bytes, 20), // another contact
        withByte(bytes, 40), // another purpose
        withByte(bytes, 60), // a wrong MAC
        new KeyedUnsubscribeTokens(() -> new byte[32]).mint(workspace, contact, purpose)); // another master key
    for (String bad : forged) {
      assertThat(tokens.verify(bad, purpose)).as(bad).isFalse();
    }
    assertThat(tokens.verify(token, new PurposeKey("analytics"))).isFalse();
    assertThat(tokens.read("u1.short")).isEmpty();
    assertThat(tokens.read(null)).isEmpty();
  }

  private static String withByte(byte[] bytes, int index) {
    byte[] copy = bytes.clone();
    copy[index] ^= 1;
    return "u1." + Base64.getUrlEncoder().withoutPadding().encodeToString(copy);
  }
}
