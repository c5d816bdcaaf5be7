package dev.custodian.crm.core.common;

import dev.custodian.crm.core.common.error.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address as given (trimmed), with its normalised form (lower case, {@link Locale#ROOT})
 * that uniqueness and suppression compare. Personal data: {@link #toString()} never shows it.
 */
public record EmailAddress(String value) {

  public static final int MAX_LENGTH = 254;

  // Dot-atom local part (RFC 5322, no quoted strings) and a domain of LDH labels with a dot.
  private static final Pattern FORMAT = Pattern.compile(
      "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
          + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

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
    if (!FORMAT.matcher(value).matches() || value.indexOf('@') > 64) {
      throw new InvalidValueException("must be a valid email address");
    }
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
