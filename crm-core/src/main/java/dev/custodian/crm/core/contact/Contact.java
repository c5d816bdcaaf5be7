package dev.custodian.crm.core.contact;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.customfield.CustomValues;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Aggregate: a person the workspace keeps in its CRM, who may work for one of its companies.
 * Tenant-owned; its names, email, phone and job title are personal data. Every change makes a new
 * instance with the next {@link #version()}, which optimistic locking compares.
 */
public final class Contact {

  private final WorkspaceId workspace;
  private final ContactId id;
  private final PersonName firstName;
  private final PersonName lastName;
  private final EmailAddress email;
  private final PhoneNumber phone;
  private final JobTitle jobTitle;
  private final CompanyId company;
  private final Instant createdAt;
  private final Instant updatedAt;
  private final long version;
  private final CustomValues custom;

  private Contact(WorkspaceId workspace, ContactId id, PersonName firstName, PersonName lastName,
      EmailAddress email, PhoneNumber phone, JobTitle jobTitle, CompanyId company, Instant createdAt,
      Instant updatedAt, long version) {
    this(workspace, id, firstName, lastName, email, phone, jobTitle, company, createdAt, updatedAt, version,
        CustomValues.NONE);
  }

  private Contact(WorkspaceId workspace, ContactId id, PersonName firstName, PersonName lastName,
      EmailAddress email, PhoneNumber phone, JobTitle jobTitle, CompanyId company, Instant createdAt,
      Instant updatedAt, long version, CustomValues custom) {
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.id = Objects.requireNonNull(id, "id");
    this.firstName = Objects.requireNonNull(firstName, "firstName");
    this.lastName = Objects.requireNonNull(lastName, "lastName");
    this.email = Objects.requireNonNull(email, "email");
    this.phone = phone;
    this.jobTitle = jobTitle;
    this.company = company;
    this.createdAt = Timestamps.micros(Objects.requireNonNull(createdAt, "createdAt"));
    this.updatedAt = Timestamps.micros(Objects.requireNonNull(updatedAt, "updatedAt"));
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1");
    }
    this.version = version;
    this.custom = Objects.requireNonNull(custom, "custom");
  }

  /**
   * A new contact at version 1.
   *
   * @param company the company of the workspace the person works for, if any
   */
  public static Contact create(WorkspaceId workspace, ContactId id, PersonName firstName,
      PersonName lastName, EmailAddress email, Optional<PhoneNumber> phone, Optional<JobTitle> jobTitle,
      Optional<CompanyId> company, Instant now) {
    return new Contact(workspace, id, firstName, lastName, email, phone.orElse(null), jobTitle.orElse(null),
        company.orElse(null), now, now, 1);
  }

  /** Rebuilds a stored contact; for persistence adapters only. */
  public static Contact reconstitute(WorkspaceId workspace, ContactId id, PersonName firstName,
      PersonName lastName, EmailAddress email, Optional<PhoneNumber> phone, Optional<JobTitle> jobTitle,
      Optional<CompanyId> company, Instant createdAt, Instant updatedAt, long version) {
    return new Contact(workspace, id, firstName, lastName, email, phone.orElse(null), jobTitle.orElse(null),
        company.orElse(null), createdAt, updatedAt, version);
  }

  /** This contact with the given values, at the next version. */
  public Contact changed(PersonName firstName, PersonName lastName, EmailAddress email,
      Optional<PhoneNumber> phone, Optional<JobTitle> jobTitle, Optional<CompanyId> company, Instant now) {
    return new Contact(workspace, id, firstName, lastName, email, phone.orElse(null), jobTitle.orElse(null),
        company.orElse(null), createdAt, now, version + 1, custom);
  }

  /**
   * This contact carrying {@code custom}, its custom field values (stored apart from it, read with
   * it), at the same version.
   */
  public Contact withCustom(CustomValues custom) {
    return new Contact(workspace, id, firstName, lastName, email, phone, jobTitle, company, createdAt, updatedAt,
        version, custom);
  }

  /**
   * This contact no longer linked to its company (which is being deleted), at the next version: its
   * representation changed. {@link #updatedAt()} stays, as nothing of the person was edited.
   */
  public Contact unlinkedFromCompany() {
    return new Contact(workspace, id, firstName, lastName, email, phone, jobTitle, null, createdAt, updatedAt,
        version + 1, custom);
  }

  public WorkspaceId workspace() {
    return workspace;
  }

  public ContactId id() {
    return id;
  }

  public PersonName firstName() {
    return firstName;
  }

  public PersonName lastName() {
    return lastName;
  }

  public EmailAddress email() {
    return email;
  }

  public Optional<PhoneNumber> phone() {
    return Optional.ofNullable(phone);
  }

  public Optional<JobTitle> jobTitle() {
    return Optional.ofNullable(jobTitle);
  }

  /** The company of the workspace the person works for, if any. */
  public Optional<CompanyId> company() {
    return Optional.ofNullable(company);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }

  /** Its custom field values, sensitive ones included; {@link CustomValues#NONE} when it has none. */
  public CustomValues custom() {
    return custom;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Contact other
        && workspace.equals(other.workspace)
        && id.equals(other.id)
        && firstName.equals(other.firstName)
        && lastName.equals(other.lastName)
        && email.equals(other.email)
        && Objects.equals(phone, other.phone)
        && Objects.equals(jobTitle, other.jobTitle)
        && Objects.equals(company, other.company)
        && createdAt.equals(other.createdAt)
        && updatedAt.equals(other.updatedAt)
        && version == other.version
        && custom.equals(other.custom);
  }

  @Override
  public int hashCode() {
    return Objects.hash(workspace, id);
  }

  /** Ids and version only: a contact's personal data never reaches a log line this way. */
  @Override
  public String toString() {
    return "Contact[" + workspace + "/" + id + " v" + version + "]";
  }
}
