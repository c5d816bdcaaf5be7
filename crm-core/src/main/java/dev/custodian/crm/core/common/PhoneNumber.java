package dev.custodian.crm.core.common;

import dev.custodian.crm.core.common.error.InvalidValueException;

/**
 * A phone number in E.164 form: {@code +} and 8 to 15 digits, after removing spaces, dots,
 * dashes and parentheses from the input. Personal data: {@link #toString()} never shows it.
 */
public record PhoneNumber(String value) {

  /** The fewest and most digits after the {@code +}. */
  private static final int MIN_DIGITS = 8;
  private static final int MAX_DIGITS = 15;

  public PhoneNumber {
    if (value == null) {
      throw new InvalidValueException("is required");
    }
    value = withoutSeparators(value.strip());
    if (!isE164(value)) {
      throw new InvalidValueException("must be an E.164 number: + and 8 to 15 digits");
    }
  }

  /**
   * {@code text} without its separators; itself when it has none (as every number read back has).
   * Scanned by hand rather than by a pattern: every number read back passes here.
   */
  static String withoutSeparators(String text) {
    int first = 0;
    while (first < text.length() && !isSeparator(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text;
    }
    StringBuilder kept = new StringBuilder(text.length()).append(text, 0, first);
    for (int i = first + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isSeparator(c)) {
        kept.append(c);
      }
    }
    return kept.toString();
  }

  /** What the input may hold between digits, dropped: ASCII white space, dots, parentheses, dashes. */
  private static boolean isSeparator(char c) {
    return c == ' ' || c == '.' || c == '(' || c == ')' || c == '-' || (c >= '\t' && c <= '\r');
  }

  /** {@code +} and 8 to 15 ASCII digits. */
  static boolean isE164(String text) {
    int digits = text.length() - 1;
    if (digits < MIN_DIGITS || digits > MAX_DIGITS || text.charAt(0) != '+') {
      return false;
    }
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "PhoneNumber[redacted]";
  }
}
