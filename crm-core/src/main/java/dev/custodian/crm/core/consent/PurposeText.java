package dev.custodian.crm.core.consent;

import dev.custodian.crm.core.common.error.InvalidValueException;
import java.util.Objects;

/** Value object: a purpose's name (1 to 100 characters) or description and justification (up to 2000). */
public record PurposeText(String value) {

  public static final int NAME_MAX = 100;
  public static final int TEXT_MAX = 2000;

  public PurposeText {
    Objects.requireNonNull(value, "value");
    value = value.strip();
    if (value.isEmpty()) {
      throw new InvalidValueException("must not be blank");
    }
    if (value.length() > TEXT_MAX) {
      throw new InvalidValueException("must be at most " + TEXT_MAX + " characters");
    }
  }

  /** A name: as {@link #PurposeText(String)}, at most {@link #NAME_MAX} characters. */
  public static PurposeText name(String value) {
    PurposeText text = new PurposeText(value);
    if (text.value().length() > NAME_MAX) {
      throw new InvalidValueException("must be at most " + NAME_MAX + " characters");
    }
    return text;
  }

  @Override
  public String toString() {
    return value;
  }
}
