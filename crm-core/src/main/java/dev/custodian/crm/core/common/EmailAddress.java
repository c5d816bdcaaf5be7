package dev.custodian.crm.core.common;

import dev.custodian.crm.core.common.error.InvalidValueException;
import java.util.Locale;

/**
 * An email address as given (trimmed), with its normalised form (lower case, {@link Locale#ROOT})
 * that uniqueness and suppression compare. Personal data: {@link #toString()} never shows it.
 */
public record EmailAddress(String value) {

  public static final int MAX_LENGTH = 254;

  /** Characters of a dot-atom's atoms besides ASCII letters and digits (RFC 5322 {@code atext}). */
  private static final String ATEXT_SYMBOLS = "!#$%&'*+/=?^_`{|}~-";
  /** The most characters before the {@code @}. */
  private static final int MAX_LOCAL = 64;
  /** The most characters of a domain's label. */
  private static final int MAX_LABEL = 63;

  public EmailAddress {
    if (value == null) {
      throw new InvalidValueException("is required");
    }
    value = value.strip();
    if (value.isEmpty()) {
      throw new InvalidValueException("must not be blank");
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidValueException("must be at most " + MAX_LENGTH + " characters");
    }
    if (!wellFormed(value)) {
      throw new InvalidValueException("must be a valid email address");
    }
  }

  /**
   * A dot-atom local part of at most 64 characters (RFC 5322, no quoted strings), {@code @}, and a
   * domain of two or more labels: each 1 to 63 ASCII letters, digits and inner hyphens, the last
   * starting with a letter. Checked by hand rather than by a pattern: every address read back (a
   * list, an export, an import's row) passes here, and a regular expression cost most of a row's
   * mapping.
   */
  static boolean wellFormed(String value) {
    int at = value.indexOf('@');
    if (at <= 0 || at > MAX_LOCAL) {
      return false;
    }
    boolean atomStarts = true;
    for (int i = 0; i < at; i++) {
      char c = value.charAt(i);
      if (c == '.') {
        if (atomStarts) {
          return false; // a leading or doubled dot
        }
        atomStarts = true;
      } else if (isAlphanumeric(c) || ATEXT_SYMBOLS.indexOf(c) >= 0) {
        atomStarts = false;
      } else {
        return false;
      }
    }
    if (atomStarts) {
      return false; // a trailing dot
    }
    int labels = 0;
    int labelStart = at + 1;
    for (int i = labelStart; i <= value.length(); i++) {
      if (i < value.length() && value.charAt(i) != '.') {
        char c = value.charAt(i);
        if (!isAlphanumeric(c) && c != '-') {
          return false;
        }
        continue;
      }
      int length = i - labelStart;
      if (length < 1 || length > MAX_LABEL || value.charAt(labelStart) == '-' || value.charAt(i - 1) == '-') {
        return false;
      }
      labels++;
      if (i == value.length()) {
        return labels >= 2 && isLetter(value.charAt(labelStart));
      }
      labelStart = i + 1;
    }
    return false;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAlphanumeric(char c) {
    return isLetter(c) || (c >= '0' && c <= '9');
  }

  /** The form that equality of addresses is decided on: trimmed and lower case. */
  public String normalised() {
    return value.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "EmailAddress[redacted]";
  }
}
