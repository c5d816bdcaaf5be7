package dev.custodian.crm.core.account;

import dev.custodian.crm.core.common.error.InvalidValueException;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which passwords an account may choose (NIST SP 800-63B-4): 15 to 128 code points after NFKC, no
 * composition rules, and not on a list of common passwords. A command builds its password through
 * it, so a common password is one more field error beside the others of the request.
 */
public final class PasswordPolicy {

  /** The detail of the field error for a common password; it does not quote the password. */
  public static final String TOO_COMMON = "is too common: it appears in lists of breached or guessable passwords";

  private final Predicate<Password> common;

  /** @param common whether a password is on the list ({@code CommonPasswords::contains}) */
  public PasswordPolicy(Predicate<Password> common) {
    this.common = Objects.requireNonNull(common, "common");
  }

  /**
   * The password, if the policy accepts it.
   *
   * @throws InvalidValueException naming the rule it breaks (never the value)
   */
  public Password accept(String raw) {
    Password password = new Password(raw);
    if (common.test(password)) {
      password.wipe();
      throw new InvalidValueException(TOO_COMMON);
    }
    return password;
  }
}
