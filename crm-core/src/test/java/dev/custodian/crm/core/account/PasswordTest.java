package dev.custodian.crm.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.common.error.InvalidValueException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The password policy of NIST SP 800-63B-4 that the value itself enforces: length after NFKC. */
class PasswordTest {

  private static String text(Password password) {
    return password.apply(chars -> new String(chars));
  }

  private static String codePoints(int n) {
    return "x".repeat(n);
  }

  @Test
  @DisplayName("ACC-01: 14 and 129 code points are refused, 15 and 128 accepted")
  void lengthIsFifteenToOneHundredTwentyEightCodePoints() {
    assertThatThrownBy(() -> new Password(codePoints(14)))
        .isInstanceOf(InvalidValueException.class).hasMessage("must be 15 to 128 characters");
    assertThatThrownBy(() -> new Password(codePoints(129)))
        .isInstanceOf(InvalidValueException.class).hasMessage("must be 15 to 128 characters");
    assertThat(new Password(codePoints(15)).length()).isEqualTo(15);
    assertThat(new Password(codePoints(128)).length()).isEqualTo(128);
  }

  @Test
  void lengthCountsCodePoints_notUtf16Units() {
    String emoji = "\uD83D\uDE00"; // one code point, two chars
    assertThat(new Password(emoji.repeat(15)).length()).isEqualTo(15);
    assertThatThrownBy(() -> new Password(emoji.repeat(14))).isInstanceOf(InvalidValueException.class);
    assertThat(new Password(emoji.repeat(128)).length()).isEqualTo(128);
  }

  @Test
  void nfkcIsAppliedBeforeCountingAndHashing() {
    // U+FB01 (the "fi" ligature) is two code points under NFKC; 'e' + U+0301 is one (é).
    assertThat(new Password("\uFB01".repeat(8)).length()).isEqualTo(16);
    assertThatThrownBy(() -> new Password("\uFB01".repeat(7))).isInstanceOf(InvalidValueException.class);
    assertThat(new Password("e\u0301".repeat(128)).length()).isEqualTo(128);
    String fullWidth = "\uFF50\uFF41\uFF53\uFF53\uFF57\uFF4F\uFF52\uFF44".repeat(2); // ｐａｓｓｗｏｒｄ
    assertThat(text(new Password(fullWidth))).isEqualTo("password".repeat(2));
    assertThat(text(new Password("e\u0301".repeat(15)))).isEqualTo("\u00E9".repeat(15));
  }

  @Test
  void noCompositionRules_anySpacesAndSymbolsAreText() {
    assertThat(new Password("correct horse battery").length()).isEqualTo(21);
    assertThat(new Password("               ").length()).isEqualTo(15);
  }

  @Test
  void refusals_neverQuoteTheValue() {
    String secret = "s3cret-but-short";
    assertThatThrownBy(() -> new Password(secret.substring(0, 10)))
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> new Password(null)).isInstanceOf(InvalidValueException.class).hasMessage("is required");
    assertThatThrownBy(() -> new Password("x".repeat(20) + "\uD800" + "y"))
        .isInstanceOf(InvalidValueException.class).hasMessage("must contain only Unicode characters");
    assertThatThrownBy(() -> new Password("x".repeat(100_000)))
        .isInstanceOf(InvalidValueException.class).hasMessage("must be 15 to 128 characters");
  }

  @Test
  void toStringIsRedacted_andTwoEqualPasswordsAreNotEqualObjects() {
    Password password = new Password("correct horse battery");
    assertThat(password.toString()).isEqualTo("Password[redacted]").doesNotContain("horse");
    assertThat(password).isNotEqualTo(new Password("correct horse battery"));
  }

  @Test
  void applyHandsOverACopyThatIsWipedAfterwards_andAWipedPasswordCannotBeUsed() {
    Password password = new Password("correct horse battery");
    char[][] seen = new char[1][];
    String inside = password.apply(chars -> {
      seen[0] = chars;
      return new String(chars);
    });
    assertThat(inside).isEqualTo("correct horse battery");
    assertThat(new String(seen[0])).isEqualTo("\0".repeat(21));

    password.wipe();
    assertThatThrownBy(() -> password.apply(String::new)).isInstanceOf(IllegalStateException.class);
  }
}
