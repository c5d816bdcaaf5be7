package dev.custodian.crm.core.account.port.out;

import dev.custodian.crm.core.account.Password;

/**
 * Out-port: a list of passwords known from breaches and dictionaries, which NIST SP 800-63B-4 asks
 * a verifier to refuse when a password is chosen. A port because the list is data the core does
 * not carry; {@link dev.custodian.crm.core.account.PasswordPolicy} checks it while a command validates, so the
 * refusal is one more field error.
 */
public interface CommonPasswords {


  /** True when {@code password} (compared without regard to case) is on the list. */
  boolean contains(Password password);
}
