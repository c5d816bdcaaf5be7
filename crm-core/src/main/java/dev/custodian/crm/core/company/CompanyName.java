package dev.custodian.crm.core.company;

import dev.custodian.crm.core.common.validation.Text;

/**
 * A company's name: 1 to 200 characters of one line after trimming. A sole trader's company may
 * bear a person's name, so {@link #toString()} does not show it.
 */
public record CompanyName(String value) {

  public static final int MAX_LENGTH = 200;

  public CompanyName {
    value = Text.requireSingleLine(value, MAX_LENGTH);
  }

  @Override
  public String toString() {
    return "CompanyName[redacted]";
  }
}
