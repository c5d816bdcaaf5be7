package dev.custodian.crm.core.company.port.in;

import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.company.CompanyDomain;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.company.CompanyName;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Input of {@link UpdateCompanyUseCase}: a partial change of one company, based on the version
 * the caller last saw. The name can be set but not cleared; the domain can be cleared.
 */
public record UpdateCompanyCommand(WorkspaceId workspace, CompanyId id, long expectedVersion,
    PatchValue<CompanyName> name, PatchValue<CompanyDomain> domain) {

  public UpdateCompanyCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(domain, "domain");
    if (name instanceof PatchValue.Clear) {
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
  public static UpdateCompanyCommand of(WorkspaceId workspace, CompanyId id, OptionalLong expectedVersion,
      PatchValue<String> name, PatchValue<String> domain) {
    Validator v = new Validator();
    UpdateCompanyCommand command = of(v, workspace, id, expectedVersion, name, domain);
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
  public static UpdateCompanyCommand of(Validator v, WorkspaceId workspace, CompanyId id,
      OptionalLong expectedVersion, PatchValue<String> name, PatchValue<String> domain) {
    PatchValue<CompanyName> validName = v.patch("name", name, false, CompanyName::new);
    PatchValue<CompanyDomain> validDomain = v.patch("domain", domain, true, CompanyDomain::new);
    if (v.hasErrors()) {
      return null;
    }
    if (expectedVersion.isEmpty()) {
      throw PreconditionFailedException.missing("company");
    }
    return new UpdateCompanyCommand(workspace, id, expectedVersion.getAsLong(), validName, validDomain);
  }

  /**
   * Starts a change of company {@code id}, based on the version the caller last saw; name the
   * fields to change, then {@link Builder#build()}. Fields not named stay as they are.
   */
  public static Builder builder(WorkspaceId workspace, CompanyId id, long expectedVersion) {
    return new Builder(workspace, id, expectedVersion);
  }

  /** Named changes instead of positional patch values; {@link #build()} validates them all. */
  public static final class Builder {

    private final WorkspaceId workspace;
    private final CompanyId id;
    private final long expectedVersion;
    private PatchValue<String> name = PatchValue.absent();
    private PatchValue<String> domain = PatchValue.absent();

    private Builder(WorkspaceId workspace, CompanyId id, long expectedVersion) {
      this.workspace = Objects.requireNonNull(workspace, "workspace");
      this.id = Objects.requireNonNull(id, "id");
      this.expectedVersion = expectedVersion;
    }

    /** A new name; {@code null} asks to clear it, which is refused. */
    public Builder name(String name) {
      this.name = name == null ? PatchValue.clear() : PatchValue.set(name);
      return this;
    }

    /** A new domain, as a host or a URL; {@code null} removes it. */
    public Builder domain(String domain) {
      this.domain = domain == null ? PatchValue.clear() : PatchValue.set(domain);
      return this;
    }

    /** Removes the domain. */
    public Builder clearDomain() {
      this.domain = PatchValue.clear();
      return this;
    }

    /** @throws dev.custodian.crm.core.common.error.ValidationException listing every bad field */
    public UpdateCompanyCommand build() {
      return of(workspace, id, OptionalLong.of(expectedVersion), name, domain);
    }
  }
}
