package dev.custodian.crm.core.architecture.bad.purpose;

import dev.custodian.crm.core.consent.PurposeBound;

/** Deliberately wrong: processes for a purpose without holding the guard. */
public final class UnguardedMailer implements PurposeBound {

  private final String purpose = "marketing-email";

  public String purpose() {
    return purpose;
  }
}
