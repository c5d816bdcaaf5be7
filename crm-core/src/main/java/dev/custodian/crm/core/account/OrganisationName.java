package dev.custodian.crm.core.account;

import dev.custodian.crm.core.common.validation.Text;

/**
 * The organisation an account holder names at sign-up: 1 to 200 characters after trimming, on
 * one line. Redacted like personal data: a sole trader's organisation is often their own name.
 */
public record OrganisationName(String value) {

  public static final int MAX_LENGTH = 200;

  public OrganisationName {
    value = Text.requireSingleLine(value, MAX_LENGTH);
  }

  @Override
  public String toString() {
    return "OrganisationName[redacted]";
  }
}
