package dev.custodian.crm.core.session.port.in;

import dev.custodian.crm.core.account.Password;
import dev.custodian.crm.core.account.PasswordPolicy;
import dev.custodian.crm.core.common.validation.Validator;
import java.util.Objects;

/**
 * Input of {@link ChangePasswordUseCase}: the current password, to re-authenticate, and the new one,
 * under the password policy.
 *
 * @param clientIp the address the request came from, as a literal, for throttling only
 */
public record ChangePasswordCommand(Password current, Password next, String clientIp) {

  public ChangePasswordCommand {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(clientIp, "clientIp");
  }

  /** Validates raw input into {@code v} (fields {@code current} and {@code new}); {@code null} when {@code v} holds any error. */
  public static ChangePasswordCommand of(Validator v, PasswordPolicy policy, String current, String next,
      String clientIp) {
    Password validCurrent = v.required("current", current, Password::new);
    Password validNext = v.required("new", next, policy::accept);
    if (v.hasErrors()) {
      if (validCurrent != null) {
        validCurrent.wipe();
      }
      if (validNext != null) {
        validNext.wipe();
      }
      return null;
    }
    return new ChangePasswordCommand(validCurrent, validNext, clientIp);
  }
}
