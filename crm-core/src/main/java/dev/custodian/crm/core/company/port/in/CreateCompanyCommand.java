package dev.custodian.crm.core.company.port.in;

import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.company.CompanyDomain;
import dev.custodian.crm.core.company.CompanyName;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.Optional;

/** Input of {@link CreateCompanyUseCase}: a valid company for one workspace. */
public record CreateCompanyCommand(WorkspaceId workspace, CompanyName name, Optional<CompanyDomain> domain) {

  public CreateCompanyCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(domain, "domain");
  }

  /**
   * Validates raw input, reporting every bad field at once.
   *
   * @param domain a host or a URL; {@code null} for none
   * @throws dev.custodian.crm.core.common.error.ValidationException listing every bad field
   */
  public static CreateCompanyCommand of(WorkspaceId workspace, String name, String domain) {
    Validator v = new Validator();
    CreateCompanyCommand command = of(v, workspace, name, domain);
    v.throwIfInvalid();
    return command;
  }

  /**
   * Validates raw input into {@code v}; {@code null} when {@code v} holds any error (then
   * {@code workspace} may be {@code null} too, if reading it failed).
   */
  public static CreateCompanyCommand of(Validator v, WorkspaceId workspace, String name, String domain) {
    CompanyName validName = v.required("name", name, CompanyName::new);
    Optional<CompanyDomain> validDomain = v.optional("domain", domain, CompanyDomain::new);
    return v.hasErrors() ? null : new CreateCompanyCommand(workspace, validName, validDomain);
  }

  /** Starts a command for {@code workspace}; name the fields, then {@link Builder#build()}. */
  public static Builder builder(WorkspaceId workspace) {
    return new Builder(workspace);
  }

  /** Named fields instead of positional strings; {@link #build()} validates them all. */
  public static final class Builder {

    private final WorkspaceId workspace;
    private String name;
    private String domain;

    private Builder(WorkspaceId workspace) {
      this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Optional; a host or a URL, kept as its lower-case ASCII host without {@code www.}. */
    public Builder domain(String domain) {
      this.domain = domain;
      return this;
    }

    /** @throws dev.custodian.crm.core.common.error.ValidationException listing every bad field */
    public CreateCompanyCommand build() {
      return of(workspace, name, domain);
    }
  }
}
