package dev.custodian.crm.core.common;

import dev.custodian.crm.core.common.error.InvalidValueException;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form: {@code +} and 8 to 15 digits, after removing spaces, dots,
 * dashes and parentheses from the input. Personal data: {@link #toString()} never shows it.
 */
public record PhoneNumber(String value) {

  private static final Pattern E164 = Pattern.compile("\\+[0-9]{8,15}");
  /** What the input may hold between digits; compiled once (a number is read back for every row of a list or export). */
  private static final Pattern SEPARATORS = Pattern.compile("[\\s.()-]");

  public PhoneNumber {
    if (value == null) {
      throw new InvalidValueException("is required");
    }
    value = SEPARATORS.matcher(value.strip()).replaceAll("");
    if (!E164.matcher(value).matches()) {
      throw new InvalidValueException("must be an E.164 number: + and 8 to 15 digits");
    }
  }

  @Override
  public String toString() {
    return "PhoneNumber[redacted]";
  }
}
