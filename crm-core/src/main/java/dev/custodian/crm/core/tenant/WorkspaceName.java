package dev.custodian.crm.core.tenant;

import dev.custodian.crm.core.common.error.InvalidValueException;

/** A workspace's display name: 1 to 200 characters after trimming. */
public record WorkspaceName(String value) {

  public static final int MAX_LENGTH = 200;

  public WorkspaceName {
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
  }
}
