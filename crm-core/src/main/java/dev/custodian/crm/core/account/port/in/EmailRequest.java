package dev.custodian.crm.core.account.port.in;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.validation.Validator;
import java.util.Objects;

/**
 * Input of {@link ResendVerificationUseCase} and {@link RequestPasswordResetUseCase}: an address,
 * whether or not an account has it.
 *
 * @param clientIp the address the request came from, as a literal, for throttling only
 */
public record EmailRequest(EmailAddress email, String clientIp) {

  public EmailRequest {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(clientIp, "clientIp");
  }

  /** Validates raw input into {@code v}; {@code null} when {@code v} holds any error. */
  public static EmailRequest of(Validator v, String email, String clientIp) {
    EmailAddress validEmail = v.required("email", email, EmailAddress::new);
    return v.hasErrors() ? null : new EmailRequest(validEmail, clientIp);
  }
}
