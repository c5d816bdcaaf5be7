package dev.custodian.crm.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.common.validation.Text;
import org.junit.jupiter.api.Test;

/** One line of visible text that cannot spoof what a reader sees. */
class TextTest {

  private static String ok(String value) {
    return Text.requireSingleLine(value, 100);
  }

  private static void refused(String value, String detail) {
    assertThatThrownBy(() -> ok(value)).as("%s", value.codePoints().mapToObj(Integer::toHexString).toList())
        .isInstanceOf(InvalidValueException.class).hasMessage(detail);
  }

  @Test
  void textBelowTheFirstCombiningMarkIsNfcAlready_soItSkipsNormalising() {
    for (char first = 0x20; first < 0x300; first++) {
      for (char second = 0x20; second < 0x300; second++) {
        String pair = new String(new char[] {first, second});
        assertThat(java.text.Normalizer.isNormalized(pair, java.text.Normalizer.Form.NFC)).as("%x %x", (int) first,
            (int) second).isTrue();
      }
    }
    assertThat(ok("Zoe\u0308 Ångström")).isEqualTo("Zoë Ångström"); // a mark past it: normalised
  }

  @Test
  void emojiCombiningMarksAndJoinersAreText_andTheResultIsNfc() {
    assertThat(ok("  Zoë 👩\u200D💻  ")).isEqualTo("Zoë 👩\u200D💻");
    assertThat(ok("Zoe\u0308")).isEqualTo("Zoë"); // e + combining diaeresis composes
    assertThat(ok("क्\u200Dष")).isEqualTo("क्\u200Dष"); // Devanagari needs ZWJ
    assertThat(ok("می\u200Cخواهم")).isEqualTo("می\u200Cخواهم"); // Persian needs ZWNJ
    assertThat(ok("🇫🇷 André")).isEqualTo("🇫🇷 André");
  }

  @Test
  void controlsSeparatorsAndDirectionControlsAreRefused() {
    for (String bad : new String[] {"a\u0000b", "a\tb", "a\u0085b", "a\u009Bb", "a\nb"}) {
      refused(bad, "must not contain control characters");
    }
    for (String bad : new String[] {"a\u2028b", "a\u2029b", "evil\u202Egnp.exe", "a\u202Ab", "a\u2066b", "a\u2069b"}) {
      refused(bad, "must not contain line breaks or text-direction controls");
    }
  }

  @Test
  void loneSurrogatesPrivateUseUnassignedAndNonCharactersAreRefused() {
    for (String bad : new String[] {"a\uD800b", "a\uDC00", "a\uE000b", "a\uDB80\uDC00b", "a\u0378b", "a\uFDD0b",
        "a\uFFFEb", "a\uFFFF", new String(Character.toChars(0x1FFFE))}) {
      refused(bad, "must contain only assigned Unicode characters");
    }
  }

  @Test
  void valuesOfOnlyInvisibleCharactersAreBlank() {
    for (String bad : new String[] {"", "   ", "\u200B", "\u200D\u200C", "\u3164", "\u00A0\u2003", "\uFE0F", "\u2060"}) {
      refused(bad, "must not be blank");
    }
  }

  @Test
  void theLengthIsCountedInCodePointsAfterNormalising() {
    assertThat(Text.requireSingleLine("e\u0301".repeat(3), 3)).isEqualTo("ééé");
    assertThatThrownBy(() -> Text.requireSingleLine("😀".repeat(4), 3)).hasMessage("must be at most 3 characters");
  }
}
