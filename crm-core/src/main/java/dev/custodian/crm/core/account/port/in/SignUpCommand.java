package dev.custodian.crm.core.account.port.in;

import dev.custodian.crm.core.account.AccountName;
import dev.custodian.crm.core.account.OrganisationName;
import dev.custodian.crm.core.account.Password;
import dev.custodian.crm.core.account.PasswordPolicy;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.common.validation.Validator;
import java.util.Objects;
import java.util.Optional;

/**
 * Input of {@link SignUpUseCase}: only what registration needs (ACC-09) — a name, an email, an
 * optional organisation, a password — and the attestation of the minimum age (TRN-13).
 *
 * @param clientIp the address the request came from, as a literal, for throttling only
 */
public record SignUpCommand(AccountName name, EmailAddress email, Optional<OrganisationName> organisation,
    Password password, String clientIp) {

  public SignUpCommand {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(clientIp, "clientIp");
  }

  /**
   * Validates raw input into {@code v}; {@code null} when {@code v} holds any error.
   *
   * @param ageConfirmed must be {@code true}: the person attests the minimum age
   */
  public static SignUpCommand of(Validator v, PasswordPolicy policy, String name, String email,
      String organisation, String password, Boolean ageConfirmed, String clientIp) {
    AccountName validName = v.required("name", name, AccountName::new);
    EmailAddress validEmail = v.required("email", email, EmailAddress::new);
    Optional<OrganisationName> validOrganisation = v.optional("organisation", organisation, OrganisationName::new);
    Password validPassword = v.required("password", password, policy::accept);
    v.required("ageConfirmed", ageConfirmed, SignUpCommand::attested);
    if (v.hasErrors()) {
      if (validPassword != null) {
        validPassword.wipe();
      }
      return null;
    }
    return new SignUpCommand(validName, validEmail, validOrganisation, validPassword, clientIp);
  }

  private static Boolean attested(Boolean confirmed) {
    if (!confirmed) {
      throw new InvalidValueException("must be true: Custodian CRM is only for people of the minimum age");
    }
    return confirmed;
  }
}
