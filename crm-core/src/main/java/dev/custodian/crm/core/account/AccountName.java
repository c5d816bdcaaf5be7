package dev.custodian.crm.core.account;

import dev.custodian.crm.core.common.validation.Text;

/** The name an account holder gives: 1 to 100 characters after trimming, on one line. Personal data. */
public record AccountName(String value) {

  public static final int MAX_LENGTH = 100;

  public AccountName {
    value = Text.requireSingleLine(value, MAX_LENGTH);
  }

  @Override
  public String toString() {
    return "AccountName[redacted]";
  }
}
