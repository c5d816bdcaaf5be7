package dev.custodian.crm.core.deal;

import dev.custodian.crm.core.common.validation.Text;

/**
 * A deal's title: 1 to 200 characters of one line after trimming. Free text that may name a
 * person, so {@link #toString()} does not show it.
 */
public record DealTitle(String value) {

  public static final int MAX_LENGTH = 200;

  public DealTitle {
    value = Text.requireSingleLine(value, MAX_LENGTH);
  }

  @Override
  public String toString() {
    return "DealTitle[redacted]";
  }
}
