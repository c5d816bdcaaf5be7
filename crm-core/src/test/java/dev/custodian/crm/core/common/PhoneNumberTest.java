package dev.custodian.crm.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.common.error.InvalidValueException;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

  /** The specification the hand-written scan must agree with: separators dropped, then E.164. */
  private static final Pattern SEPARATORS = Pattern.compile("[\\s.()-]");
  private static final Pattern E164 = Pattern.compile("\\+[0-9]{8,15}");

  private static String specified(String input) {
    String value = SEPARATORS.matcher(input.strip()).replaceAll("");
    return E164.matcher(value).matches() ? value : null;
  }

  private static String actual(String input) {
    try {
      return new PhoneNumber(input).value();
    } catch (InvalidValueException e) {
      return null;
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"+44 20 7946 0958|+442079460958", "+1 (415) 555-0100|+14155550100",
      "  +49.30.1234567  |+49301234567", "+12345678|+12345678", "+123456789012345|+123456789012345"})
  void keepsTheDigitsOfAWellFormedNumber(String input, String stored) {
    assertThat(new PhoneNumber(input).value()).isEqualTo(stored);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "44 20 7946 0958", "+1234567", "+1234567890123456", "+44 20 7946 095x",
      "++4420794609", "+44_20_7946_0958", "+٤٤٢٠٧٩٤٦٠٩٥٨"})
  void refusesWhatIsNotE164(String input) {
    assertThatThrownBy(() -> new PhoneNumber(input)).isInstanceOf(InvalidValueException.class)
        .hasMessage("must be an E.164 number: + and 8 to 15 digits");
  }

  @Test
  void theScanAgreesWithTheSpecificationOnRandomText() {
    Random random = new Random(20261201L);
    String alphabet = "+0123456789 .()-\t\u000B_x\u00A0";
    int valid = 0;
    for (int n = 0; n < 200_000; n++) {
      StringBuilder candidate = new StringBuilder(random.nextBoolean() ? " +" : "");
      int length = random.nextInt(22);
      for (int i = 0; i < length; i++) {
        candidate.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String input = candidate.toString();
      assertThat(actual(input)).as("%s", input).isEqualTo(specified(input));
      valid += specified(input) == null ? 0 : 1;
    }
    assertThat(valid).as("well-formed numbers among the candidates").isGreaterThan(1_000);
  }
}
