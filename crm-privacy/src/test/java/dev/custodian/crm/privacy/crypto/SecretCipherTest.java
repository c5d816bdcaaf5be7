package dev.custodian.crm.privacy.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

  private static final byte[] DATA = "audit-field:v1:platform:1:email".getBytes(StandardCharsets.UTF_8);

  @Test
  void whatItEncryptsDecryptsUnderTheSameKeyAndAssociatedData_withANewNonceEachTime() {
    SecretCipher cipher = new SecretCipher(SecretCipher.newKey());
    byte[] plain = "ada@example.org".getBytes(StandardCharsets.UTF_8);
    byte[] once = cipher.encrypt(plain, DATA);
    byte[] twice = cipher.encrypt(plain, DATA);
    assertThat(once).isNotEqualTo(twice);
    assertThat(once).hasSize(1 + 12 + plain.length + 16);
    assertThat(once[0]).isEqualTo((byte) 1);
    assertThat(cipher.decrypt(once, DATA)).isEqualTo(plain);
    assertThat(new String(once, StandardCharsets.ISO_8859_1)).doesNotContain("ada@example.org");
  }

  @Test
  void anotherKey_otherAssociatedData_orAChangedByte_doNotDecrypt() {
    byte[] key = SecretCipher.newKey();
    SecretCipher cipher = new SecretCipher(key);
    byte[] sealed = cipher.encrypt(new byte[] {1, 2, 3}, DATA);
    assertThatThrownBy(() -> new SecretCipher(SecretCipher.newKey()).decrypt(sealed, DATA))
        .isInstanceOf(SecretCipher.TamperedException.class);
    assertThatThrownBy(() -> cipher.decrypt(sealed, "audit-field:v1:platform:2:email".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SecretCipher.TamperedException.class);
    byte[] changed = Arrays.copyOf(sealed, sealed.length);
    changed[changed.length - 1] ^= 1;
    assertThatThrownBy(() -> cipher.decrypt(changed, DATA)).isInstanceOf(SecretCipher.TamperedException.class);
    assertThatThrownBy(() -> cipher.decrypt(new byte[5], DATA)).isInstanceOf(SecretCipher.TamperedException.class);
    assertThatThrownBy(() -> new SecretCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
  }
}
