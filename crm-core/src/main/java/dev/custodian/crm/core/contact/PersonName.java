package dev.custodian.crm.core.contact;

import dev.custodian.crm.core.common.validation.Text;

/** A first or last name: 1 to 100 characters after trimming. Personal data. */
public record PersonName(String value) {

  public static final int MAX_LENGTH = 100;

  public PersonName {
    value = Text.requireSingleLine(value, MAX_LENGTH);
  }

  @Override
  public String toString() {
    return "PersonName[redacted]";
  }
}
