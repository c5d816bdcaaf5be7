package dev.custodian.crm.core.common.validation;

import dev.custodian.crm.core.common.error.InvalidValueException;

/** Checks shared by the text values of the domain (names and the like). */
public final class Text {

  private Text() {}

  /**
   * The value stripped of surrounding white space, if it is then 1 to {@code maxLength}
   * characters (code points) without control characters.
   *
   * @throws InvalidValueException saying which rule the value breaks (never quoting it)
   */
  public static String requireSingleLine(String value, int maxLength) {
    if (value == null) {
      throw new InvalidValueException("is required");
    }
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      throw new InvalidValueException("must not be blank");
    }
    if (stripped.codePointCount(0, stripped.length()) > maxLength) {
      throw new InvalidValueException("must be at most " + maxLength + " characters");
    }
    if (stripped.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidValueException("must not contain control characters");
    }
    return stripped;
  }
}
