package dev.custodian.crm.core.access.port.in;

import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.EnumSet;
import java.util.Objects;

/** Input of {@link InviteMemberUseCase}: who is invited, to which workspace, with which role. */
public record InviteMemberCommand(WorkspaceId workspace, EmailAddress email, Role role) {

  public InviteMemberCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(role, "role");
  }

  /** Validates raw input into {@code v}; {@code null} when {@code v} holds any error. */
  public static InviteMemberCommand of(Validator v, WorkspaceId workspace, String email, String role) {
    EmailAddress validEmail = v.required("email", email, EmailAddress::new);
    Role validRole = v.required("role", role, r -> Roles.parse(r, EnumSet.allOf(Role.class)));
    return v.hasErrors() ? null : new InviteMemberCommand(workspace, validEmail, validRole);
  }
}
