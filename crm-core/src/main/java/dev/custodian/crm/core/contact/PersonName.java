package dev.custodian.crm.core.contact;

import dev.custodian.crm.core.common.error.InvalidValueException;

/** A first or last name: 1 to 100 characters after trimming. Personal data. */
public record PersonName(String value) {

  public static final int MAX_LENGTH = 100;

  public PersonName {
    if (value == null) {
      throw new InvalidValueException("is required");
    }
    value = value.strip();
    if (value.isEmpty()) {
      throw new InvalidValueException("must not be blank");
    }
    if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
      throw new InvalidValueException("must be at most " + MAX_LENGTH + " characters");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidValueException("must not contain control characters");
    }
  }

  @Override
  public String toString() {
    return "PersonName[redacted]";
  }
}
