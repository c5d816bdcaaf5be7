package dev.custodian.crm.core.access.port.in;

import dev.custodian.crm.core.access.ApiKeyName;
import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.EnumSet;
import java.util.Objects;

/** Input of {@link CreateApiKeyUseCase}: the key's name and role (VIEWER, MEMBER or ADMIN). */
public record CreateApiKeyCommand(WorkspaceId workspace, ApiKeyName name, Role role) {

  public CreateApiKeyCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
  }

  /** Validates raw input into {@code v}; {@code null} when {@code v} holds any error. */
  public static CreateApiKeyCommand of(Validator v, WorkspaceId workspace, String name, String role) {
    ApiKeyName validName = v.required("name", name, ApiKeyName::new);
    Role validRole = v.required("role", role, r -> Roles.parse(r, EnumSet.of(Role.ADMIN, Role.MEMBER, Role.VIEWER)));
    return v.hasErrors() ? null : new CreateApiKeyCommand(workspace, validName, validRole);
  }
}
