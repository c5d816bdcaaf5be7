package dev.custodian.crm.core.account.port.out;

import dev.custodian.crm.core.account.Password;

/**
 * Out-port: a list of passwords known from breaches and dictionaries, which NIST SP 800-63B-4 asks
 * a verifier to refuse when a password is chosen. A port because the list is data the core does
 * not carry; a use case checks it while it validates, so the refusal is one more field error.
 */
public interface CommonPasswords {

  /** The detail of the field error for a password on the list; it does not quote the password. */
  String REFUSAL = "is too common: it appears in lists of breached or guessable passwords";

  /** True when {@code password} (compared without regard to case) is on the list. */
  boolean contains(Password password);
}
