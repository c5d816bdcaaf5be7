package dev.custodian.crm.core.contact.port.in;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.contact.JobTitle;
import dev.custodian.crm.core.contact.PersonName;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.Optional;

/**
 * Input of {@link CreateContactUseCase}: a valid contact for one workspace.
 *
 * @param company a company of the workspace; whether it is one is checked when the contact is
 *     stored (a 400 naming {@code companyId} otherwise)
 */
public record CreateContactCommand(WorkspaceId workspace, PersonName firstName, PersonName lastName,
    EmailAddress email, Optional<PhoneNumber> phone, Optional<JobTitle> jobTitle, Optional<CompanyId> company) {

  public CreateContactCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(firstName, "firstName");
    Objects.requireNonNull(lastName, "lastName");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(jobTitle, "jobTitle");
    Objects.requireNonNull(company, "company");
  }

  /**
   * Validates raw input, reporting every bad field at once.
   *
   * @param phone {@code null} for none
   * @param jobTitle {@code null} for none
   * @param companyId the company's id as text; {@code null} for none
   * @throws dev.custodian.crm.core.common.error.ValidationException listing every bad field
   */
  public static CreateContactCommand of(WorkspaceId workspace, String firstName, String lastName, String email,
      String phone, String jobTitle, String companyId) {
    Validator v = new Validator();
    CreateContactCommand command = of(v, workspace, firstName, lastName, email, phone, jobTitle, companyId);
    v.throwIfInvalid();
    return command;
  }

  /**
   * Validates raw input into {@code v}; {@code null} when {@code v} holds any error (then
   * {@code workspace} may be {@code null} too, if reading it failed).
   */
  public static CreateContactCommand of(Validator v, WorkspaceId workspace, String firstName, String lastName,
      String email, String phone, String jobTitle, String companyId) {
    PersonName first = v.required("firstName", firstName, PersonName::new);
    PersonName last = v.required("lastName", lastName, PersonName::new);
    EmailAddress validEmail = v.required("email", email, EmailAddress::new);
    Optional<PhoneNumber> validPhone = v.optional("phone", phone, PhoneNumber::new);
    Optional<JobTitle> validJobTitle = v.optional("jobTitle", jobTitle, JobTitle::new);
    Optional<CompanyId> company = v.optional("companyId", companyId, CompanyId::parse);
    return v.hasErrors() ? null
        : new CreateContactCommand(workspace, first, last, validEmail, validPhone, validJobTitle, company);
  }

  /** Starts a command for {@code workspace}; name the fields, then {@link Builder#build()}. */
  public static Builder builder(WorkspaceId workspace) {
    return new Builder(workspace);
  }

  /** Named fields instead of positional strings; {@link #build()} validates them all. */
  public static final class Builder {

    private final WorkspaceId workspace;
    private String firstName;
    private String lastName;
    private String email;
    private String phone;
    private String jobTitle;
    private String companyId;

    private Builder(WorkspaceId workspace) {
      this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    public Builder firstName(String firstName) {
      this.firstName = firstName;
      return this;
    }

    public Builder lastName(String lastName) {
      this.lastName = lastName;
      return this;
    }

    public Builder email(String email) {
      this.email = email;
      return this;
    }

    /** Optional; E.164 after removing spaces, dots, dashes and parentheses. */
    public Builder phone(String phone) {
      this.phone = phone;
      return this;
    }

    /** Optional; 1 to 100 characters. */
    public Builder jobTitle(String jobTitle) {
      this.jobTitle = jobTitle;
      return this;
    }

    /** Optional; a company of the same workspace. */
    public Builder company(CompanyId company) {
      this.companyId = company == null ? null : company.toString();
      return this;
    }

    /** @throws dev.custodian.crm.core.common.error.ValidationException listing every bad field */
    public CreateContactCommand build() {
      return of(workspace, firstName, lastName, email, phone, jobTitle, companyId);
    }
  }
}
