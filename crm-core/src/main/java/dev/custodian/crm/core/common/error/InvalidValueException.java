package dev.custodian.crm.core.common.error;

/**
 * Thrown by a value object's constructor, the last guard of an invariant. A {@code Validator}
 * turns it into a {@link FieldError}; its message is the field error's detail, so it never
 * quotes the rejected value.
 */
public final class InvalidValueException extends RuntimeException {

  public InvalidValueException(String message) {
    super(message, null, false, false);
  }
}
