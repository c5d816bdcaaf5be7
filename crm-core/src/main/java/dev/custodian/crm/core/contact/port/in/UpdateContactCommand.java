package dev.custodian.crm.core.contact.port.in;

import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.EmailAddress;
import dev.custodian.crm.core.contact.PersonName;
import dev.custodian.crm.core.contact.PhoneNumber;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Input of {@link UpdateContactUseCase}: a partial change of one contact, based on the version
 * the caller last saw. Required fields can be set but not cleared; the phone can be cleared.
 */
public record UpdateContactCommand(WorkspaceId workspace, ContactId id, long expectedVersion,
    PatchValue<PersonName> firstName, PatchValue<PersonName> lastName,
    PatchValue<EmailAddress> email, PatchValue<PhoneNumber> phone) {

  public UpdateContactCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(firstName, "firstName");
    Objects.requireNonNull(lastName, "lastName");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(phone, "phone");
    if (firstName instanceof PatchValue.Clear || lastName instanceof PatchValue.Clear
        || email instanceof PatchValue.Clear) {
      throw new IllegalArgumentException("a required field cannot be cleared");
    }
  }

  /**
   * Validates a raw patch, reporting every bad field at once.
   *
   * @param expectedVersion the version the caller last saw; empty is refused (precondition required)
   * @throws PreconditionFailedException (missing) when no expected version is given
   * @throws dev.custodian.crm.core.common.error.ValidationException listing every bad field
   */
  public static UpdateContactCommand of(WorkspaceId workspace, ContactId id, OptionalLong expectedVersion,
      PatchValue<String> firstName, PatchValue<String> lastName, PatchValue<String> email,
      PatchValue<String> phone) {
    Validator v = new Validator();
    UpdateContactCommand command =
        of(v, workspace, id, expectedVersion, firstName, lastName, email, phone);
    v.throwIfInvalid();
    return command;
  }

  /**
   * Validates a raw patch into {@code v}; {@code null} when {@code v} holds any error. Bad input
   * is reported before a missing version: a request with both gets the field errors.
   *
   * @throws PreconditionFailedException (missing) when the input is valid but no expected
   *     version is given
   */
  public static UpdateContactCommand of(Validator v, WorkspaceId workspace, ContactId id,
      OptionalLong expectedVersion, PatchValue<String> firstName, PatchValue<String> lastName,
      PatchValue<String> email, PatchValue<String> phone) {
    PatchValue<PersonName> first = v.patch("firstName", firstName, false, PersonName::new);
    PatchValue<PersonName> last = v.patch("lastName", lastName, false, PersonName::new);
    PatchValue<EmailAddress> validEmail = v.patch("email", email, false, EmailAddress::new);
    PatchValue<PhoneNumber> validPhone = v.patch("phone", phone, true, PhoneNumber::new);
    if (v.hasErrors()) {
      return null;
    }
    if (expectedVersion.isEmpty()) {
      throw PreconditionFailedException.missing("contact");
    }
    return new UpdateContactCommand(
        workspace, id, expectedVersion.getAsLong(), first, last, validEmail, validPhone);
  }
}
