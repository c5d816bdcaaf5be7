package dev.custodian.crm.core.contact.port.in;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.JobTitle;
import dev.custodian.crm.core.contact.PersonName;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Input of {@link UpdateContactUseCase}: a partial change of one contact, based on the version
 * the caller last saw. Required fields can be set but not cleared; the phone, the job title and
 * the company can be cleared. Whether a company is one of the workspace's is checked when the
 * change is stored.
 */
public record UpdateContactCommand(WorkspaceId workspace, ContactId id, long expectedVersion,
    PatchValue<PersonName> firstName, PatchValue<PersonName> lastName,
    PatchValue<EmailAddress> email, PatchValue<PhoneNumber> phone, PatchValue<JobTitle> jobTitle,
    PatchValue<CompanyId> company) {

  public UpdateContactCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(firstName, "firstName");
    Objects.requireNonNull(lastName, "lastName");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(jobTitle, "jobTitle");
    Objects.requireNonNull(company, "company");
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
      PatchValue<String> phone, PatchValue<String> jobTitle, PatchValue<String> companyId) {
    Validator v = new Validator();
    UpdateContactCommand command =
        of(v, workspace, id, expectedVersion, firstName, lastName, email, phone, jobTitle, companyId);
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
      PatchValue<String> email, PatchValue<String> phone, PatchValue<String> jobTitle,
      PatchValue<String> companyId) {
    PatchValue<PersonName> first = v.patch("firstName", firstName, false, PersonName::new);
    PatchValue<PersonName> last = v.patch("lastName", lastName, false, PersonName::new);
    PatchValue<EmailAddress> validEmail = v.patch("email", email, false, EmailAddress::new);
    PatchValue<PhoneNumber> validPhone = v.patch("phone", phone, true, PhoneNumber::new);
    PatchValue<JobTitle> validJobTitle = v.patch("jobTitle", jobTitle, true, JobTitle::new);
    PatchValue<CompanyId> company = v.patch("companyId", companyId, true, CompanyId::parse);
    if (v.hasErrors()) {
      return null;
    }
    if (expectedVersion.isEmpty()) {
      throw PreconditionFailedException.missing("contact");
    }
    return new UpdateContactCommand(workspace, id, expectedVersion.getAsLong(), first, last, validEmail,
        validPhone, validJobTitle, company);
  }

  /**
   * Starts a change of contact {@code id}, based on the version the caller last saw; name the
   * fields to change, then {@link Builder#build()}. Fields not named stay as they are.
   */
  public static Builder builder(WorkspaceId workspace, ContactId id, long expectedVersion) {
    return new Builder(workspace, id, expectedVersion);
  }

  /** Named changes instead of positional patch values; {@link #build()} validates them all. */
  public static final class Builder {

    private final WorkspaceId workspace;
    private final ContactId id;
    private final long expectedVersion;
    private PatchValue<String> firstName = PatchValue.absent();
    private PatchValue<String> lastName = PatchValue.absent();
    private PatchValue<String> email = PatchValue.absent();
    private PatchValue<String> phone = PatchValue.absent();
    private PatchValue<String> jobTitle = PatchValue.absent();
    private PatchValue<String> companyId = PatchValue.absent();

    private Builder(WorkspaceId workspace, ContactId id, long expectedVersion) {
      this.workspace = Objects.requireNonNull(workspace, "workspace");
      this.id = Objects.requireNonNull(id, "id");
      this.expectedVersion = expectedVersion;
    }

    public Builder firstName(String firstName) {
      this.firstName = given(firstName);
      return this;
    }

    public Builder lastName(String lastName) {
      this.lastName = given(lastName);
      return this;
    }

    public Builder email(String email) {
      this.email = given(email);
      return this;
    }

    public Builder phone(String phone) {
      this.phone = given(phone);
      return this;
    }

    /** Removes the phone number. */
    public Builder clearPhone() {
      this.phone = PatchValue.clear();
      return this;
    }

    public Builder jobTitle(String jobTitle) {
      this.jobTitle = given(jobTitle);
      return this;
    }

    /** Removes the job title. */
    public Builder clearJobTitle() {
      this.jobTitle = PatchValue.clear();
      return this;
    }

    /** Links the contact to a company of the same workspace; {@code null} unlinks it. */
    public Builder company(CompanyId company) {
      this.companyId = given(company == null ? null : company.toString());
      return this;
    }

    /** Unlinks the contact from its company. */
    public Builder clearCompany() {
      this.companyId = PatchValue.clear();
      return this;
    }

    /** A value to set; {@code null} asks to clear the field (refused for the required ones). */
    private static PatchValue<String> given(String value) {
      return value == null ? PatchValue.clear() : PatchValue.set(value);
    }

    /** @throws dev.custodian.crm.core.common.error.ValidationException listing every bad field */
    public UpdateContactCommand build() {
      return of(workspace, id, OptionalLong.of(expectedVersion), firstName, lastName, email, phone, jobTitle,
          companyId);
    }
  }
}
