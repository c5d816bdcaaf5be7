package dev.custodian.crm.core.access;

import dev.custodian.crm.core.common.validation.Text;

/** What an API key is called by the people who manage it: 1 to 100 characters, one line. */
public record ApiKeyName(String value) {

  public static final int MAX_LENGTH = 100;

  public ApiKeyName {
    value = Text.requireSingleLine(value, MAX_LENGTH);
  }
}
