package dev.custodian.crm.core.activity;

import dev.custodian.crm.core.common.validation.Text;

/**
 * An activity's subject: 1 to 200 characters of one line after trimming. Free text that may name
 * a person, so {@link #toString()} does not show it.
 */
public record ActivitySubject(String value) {

  public static final int MAX_LENGTH = 200;

  public ActivitySubject {
    value = Text.requireSingleLine(value, MAX_LENGTH);
  }

  @Override
  public String toString() {
    return "ActivitySubject[redacted]";
  }
}
