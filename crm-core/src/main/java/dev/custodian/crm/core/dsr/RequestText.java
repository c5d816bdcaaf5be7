package dev.custodian.crm.core.dsr;

import dev.custodian.crm.core.common.error.InvalidValueException;
import java.util.Objects;

/** Value object: a reason or note of a request's step, 1 to 2000 characters (stripped). */
public record RequestText(String value) {

  public static final int MAX_LENGTH = 2000;

  public RequestText {
    Objects.requireNonNull(value, "value");
    value = value.strip();
    if (value.isEmpty()) {
      throw new InvalidValueException("must not be blank");
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidValueException("must be at most " + MAX_LENGTH + " characters");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
