package dev.custodian.crm.core.account.port.out;

import dev.custodian.crm.core.account.Password;
import dev.custodian.crm.core.account.PasswordHash;
import dev.custodian.crm.core.common.error.BusyException;

/**
 * Out-port: turns passwords into salted, deliberately slow hashes and checks a password against
 * one. A hash carries its own algorithm and parameters, so stronger settings later still verify
 * older hashes. Neither method keeps or logs the password.
 */
public interface PasswordHasher {

  /**
   * A new hash of {@code password} with a fresh random salt: the same password twice gives two
   * different hashes.
   *
   * @throws BusyException when the hasher stayed at its limit of concurrent hashes for too long
   */
  PasswordHash hash(Password password);

  /**
   * True when {@code password} is the one {@code hash} was made from.
   *
   * @throws BusyException when the hasher stayed at its limit of concurrent hashes for too long
   */
  boolean verify(Password password, PasswordHash hash);

  /**
   * True when {@code hash} was made with other settings than this hasher's (an older algorithm or
   * weaker parameters), so a sign-in that just verified the password should store a new hash.
   */
  default boolean needsRehash(PasswordHash hash) {
    return false;
  }
}
