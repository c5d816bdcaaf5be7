package dev.custodian.crm.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.common.error.InvalidValueException;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

  /**
   * The address grammar as a pattern (dot-atom local part of RFC 5322, LDH labels, a top label
   * starting with a letter), plus at most 64 characters before the {@code @}: the specification
   * the hand-written check must agree with.
   */
  private static final Pattern SPECIFICATION = Pattern.compile(
      "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
          + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

  private static boolean specified(String value) {
    return SPECIFICATION.matcher(value).matches() && value.indexOf('@') <= 64;
  }

  @ParameterizedTest
  @ValueSource(strings = {"ada@example.org", "Ada.Lovelace@Example.ORG", "a+tag@sub.example.co.uk",
      "o'hara@example.ie", "x@a1.io", "first.last-name_1@xn--bcher-kva.example", "!#$%&'*+/=?^_`{|}~-@example.org"})
  void acceptsWellFormedAddresses(String address) {
    assertThat(new EmailAddress(address).value()).isEqualTo(address);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ada", "@example.org", "ada@", "ada@example", "ada@@example.org", "a..b@example.org",
      ".ada@example.org", "ada.@example.org", "ada@-example.org", "ada@example-.org", "ada@example..org",
      "ada@example.org.", "ada@example.1org", "ada lovelace@example.org", "ada@exa_mple.org", "adä@example.org",
      "\"ada\"@example.org", "ada@example.o-"})
  void refusesMalformedAddresses(String address) {
    assertThatThrownBy(() -> new EmailAddress(address)).isInstanceOf(InvalidValueException.class)
        .hasMessage("must be a valid email address");
  }

  @Test
  void localPartOf64IsTheMost() {
    assertThat(EmailAddress.wellFormed("a".repeat(64) + "@example.org")).isTrue();
    assertThat(EmailAddress.wellFormed("a".repeat(65) + "@example.org")).isFalse();
    assertThat(EmailAddress.wellFormed("ada@" + "l".repeat(63) + ".org")).isTrue();
    assertThat(EmailAddress.wellFormed("ada@" + "l".repeat(64) + ".org")).isFalse();
  }

  @Test
  void theCheckAgreesWithTheSpecificationOnRandomText() {
    Random random = new Random(20261201L);
    String alphabet = "aZ09.@-_+!'é \"";
    for (int n = 0; n < 200_000; n++) {
      StringBuilder candidate = new StringBuilder();
      int length = 1 + random.nextInt(14);
      for (int i = 0; i < length; i++) {
        candidate.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String value = candidate.toString();
      assertThat(EmailAddress.wellFormed(value)).as("%s", value).isEqualTo(specified(value));
    }
  }

  @Test
  void theCheckAgreesWithTheSpecificationOnNearAddresses() {
    Random random = new Random(7L);
    String[] atoms = {"a", "Z9", "x-1", "-", "_", "+", "", "a.b", ".", "org", "co", "1a", "b-", "\u00e9", "@"};
    int valid = 0;
    for (int n = 0; n < 200_000; n++) {
      String value = pick(random, atoms) + pick(random, atoms) + (random.nextInt(5) > 0 ? "@" : "")
          + pick(random, atoms) + (random.nextInt(4) > 0 ? "." : "") + pick(random, atoms)
          + (random.nextBoolean() ? "." + pick(random, atoms) : "");
      assertThat(EmailAddress.wellFormed(value)).as("%s", value).isEqualTo(specified(value));
      valid += specified(value) ? 1 : 0;
    }
    assertThat(valid).as("well-formed addresses among the candidates").isGreaterThan(1_000);
  }

  private static String pick(Random random, String[] atoms) {
    return atoms[random.nextInt(atoms.length)];
  }
}
