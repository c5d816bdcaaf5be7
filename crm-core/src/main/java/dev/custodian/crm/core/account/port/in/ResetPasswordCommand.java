package dev.custodian.crm.core.account.port.in;

import dev.custodian.crm.core.account.Password;
import dev.custodian.crm.core.account.PasswordPolicy;
import dev.custodian.crm.core.common.validation.Validator;
import java.util.Objects;

/** Input of {@link ResetPasswordUseCase}: the token of a reset mail and the new password. */
public record ResetPasswordCommand(String token, Password password) {

  public ResetPasswordCommand {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(password, "password");
  }

  /** Validates raw input into {@code v}; {@code null} when {@code v} holds any error. */
  public static ResetPasswordCommand of(Validator v, PasswordPolicy policy, String token, String password) {
    String validToken = v.required("token", token, t -> t);
    Password validPassword = v.required("password", password, policy::accept);
    if (v.hasErrors()) {
      if (validPassword != null) {
        validPassword.wipe();
      }
      return null;
    }
    return new ResetPasswordCommand(validToken, validPassword);
  }
}
