package dev.custodian.crm.core.access.port.in;

import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.EnumSet;
import java.util.Objects;

/** Input of {@link ChangeMemberRoleUseCase}: whose role, in which workspace, to what. */
public record ChangeMemberRoleCommand(WorkspaceId workspace, AccountId member, Role role) {

  public ChangeMemberRoleCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(role, "role");
  }

  /** Validates raw input into {@code v}; {@code null} when {@code v} holds any error. */
  public static ChangeMemberRoleCommand of(Validator v, WorkspaceId workspace, AccountId member, String role) {
    Role validRole = v.required("role", role, r -> Roles.parse(r, EnumSet.allOf(Role.class)));
    return v.hasErrors() ? null : new ChangeMemberRoleCommand(workspace, member, validRole);
  }
}
