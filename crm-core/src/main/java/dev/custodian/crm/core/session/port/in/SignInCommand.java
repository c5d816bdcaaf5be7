package dev.custodian.crm.core.session.port.in;

import dev.custodian.crm.core.account.Password;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.validation.Validator;
import java.util.Objects;

/**
 * Input of {@link SignInUseCase}.
 *
 * @param clientIp the address the request came from, as a literal, for throttling only
 */
public record SignInCommand(EmailAddress email, Password password, String clientIp) {

  public SignInCommand {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(clientIp, "clientIp");
  }

  /** Validates raw input into {@code v}; {@code null} when {@code v} holds any error. */
  public static SignInCommand of(Validator v, String email, String password, String clientIp) {
    EmailAddress validEmail = v.required("email", email, EmailAddress::new);
    Password validPassword = v.required("password", password, Password::new);
    if (v.hasErrors()) {
      if (validPassword != null) {
        validPassword.wipe();
      }
      return null;
    }
    return new SignInCommand(validEmail, validPassword, clientIp);
  }
}
