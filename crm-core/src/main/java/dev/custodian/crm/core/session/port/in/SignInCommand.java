package dev.custodian.crm.core.session.port.in;

import dev.custodian.crm.core.account.Password;
import dev.custodian.crm.core.audit.ClientInfo;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.validation.Validator;
import java.util.Objects;
import java.util.Optional;

/**
 * Input of {@link SignInUseCase}.
 *
 * @param clientIp the address the request came from, as a literal, for throttling and the audit trail
 * @param userAgent the client's user agent, if it sent one, for the audit trail (stored encrypted)
 */
public record SignInCommand(EmailAddress email, Password password, String clientIp, Optional<String> userAgent) {

  public SignInCommand {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(clientIp, "clientIp");
    Objects.requireNonNull(userAgent, "userAgent");
  }

  /** Without a user agent. */
  public SignInCommand(EmailAddress email, Password password, String clientIp) {
    this(email, password, clientIp, Optional.empty());
  }

  /** Where the attempt came from, for its audit entry. */
  public ClientInfo client() {
    return ClientInfo.of(clientIp, userAgent.orElse(null));
  }

  /** As {@link #of(Validator, String, String, String)}, with the client's user agent (may be null). */
  public static SignInCommand of(Validator v, String email, String password, String clientIp, String userAgent) {
    SignInCommand command = of(v, email, password, clientIp);
    return command == null ? null
        : new SignInCommand(command.email(), command.password(), clientIp, Optional.ofNullable(userAgent));
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
