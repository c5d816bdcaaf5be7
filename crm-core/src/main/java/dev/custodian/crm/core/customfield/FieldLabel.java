package dev.custodian.crm.core.customfield;

import dev.custodian.crm.core.common.validation.Text;

/** What a custom field or an option is called on screen: 1 to 100 characters of one line after trimming. */
public record FieldLabel(String value) {

  public static final int MAX_LENGTH = 100;

  public FieldLabel {
    value = Text.requireSingleLine(value, MAX_LENGTH);
  }
}
