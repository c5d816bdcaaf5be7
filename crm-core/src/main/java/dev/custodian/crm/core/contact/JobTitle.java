package dev.custodian.crm.core.contact;

import dev.custodian.crm.core.common.validation.Text;

/**
 * A contact's job title: 1 to 100 characters of one line after trimming. Personal data (it says
 * what the person does, and where), erased with the contact; {@link #toString()} never shows it.
 */
public record JobTitle(String value) {

  public static final int MAX_LENGTH = 100;

  public JobTitle {
    value = Text.requireSingleLine(value, MAX_LENGTH);
  }

  @Override
  public String toString() {
    return "JobTitle[redacted]";
  }
}
