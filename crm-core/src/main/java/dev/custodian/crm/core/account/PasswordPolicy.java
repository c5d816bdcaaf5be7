package dev.custodian.crm.core.account;

import dev.custodian.crm.core.account.port.out.CommonPasswords;
import dev.custodian.crm.core.common.error.InvalidValueException;
import java.util.Objects;

/**
 * Which passwords an account may choose (NIST SP 800-63B-4): 15 to 128 code points after NFKC, no
 * composition rules, and not on a list of common passwords. A command builds its password through
 * it, so a common password is one more field error beside the others of the request.
 */
public final class PasswordPolicy {

  private final CommonPasswords common;

  public PasswordPolicy(CommonPasswords common) {
    this.common = Objects.requireNonNull(common, "common");
  }

  /**
   * The password, if the policy accepts it.
   *
   * @throws InvalidValueException naming the rule it breaks (never the value)
   */
  public Password accept(String raw) {
    Password password = new Password(raw);
    if (common.contains(password)) {
      password.wipe();
      throw new InvalidValueException(CommonPasswords.REFUSAL);
    }
    return password;
  }
}
