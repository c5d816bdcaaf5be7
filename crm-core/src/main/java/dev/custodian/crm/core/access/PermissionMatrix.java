package dev.custodian.crm.core.access;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place that grants (SEC-08): for each {@link Permission}, the lowest {@link Role} that has
 * it, and whether an API key may use it at all. A permission without a row is denied to every role;
 * a role has every permission of the roles below it.
 */
public final class PermissionMatrix {

  /**
   * @param minimum the lowest role that has the permission
   * @param accountsOnly true when only a signed-in person may use it, never an API key (managing
   *     members, invitations and keys)
   */
  public record Grant(Role minimum, boolean accountsOnly) {
    public Grant {
      Objects.requireNonNull(minimum, "minimum");
    }
  }

  private static final PermissionMatrix STANDARD = new PermissionMatrix(standardGrants());

  private final Map<Permission, Grant> grants;

  public PermissionMatrix(Map<Permission, Grant> grants) {
    this.grants = Map.copyOf(grants);
  }

  /** The product's matrix. */
  public static PermissionMatrix standard() {
    return STANDARD;
  }

  private static Map<Permission, Grant> standardGrants() {
    Map<Permission, Grant> grants = new LinkedHashMap<>();
    grants.put(Permission.WORKSPACE_READ, new Grant(Role.VIEWER, false));
    grants.put(Permission.CONTACT_READ, new Grant(Role.VIEWER, false));
    grants.put(Permission.COMPANY_READ, new Grant(Role.VIEWER, false));
    grants.put(Permission.MEMBER_READ, new Grant(Role.VIEWER, false));
    grants.put(Permission.PIPELINE_READ, new Grant(Role.VIEWER, false));
    grants.put(Permission.DEAL_READ, new Grant(Role.VIEWER, false));
    grants.put(Permission.CUSTOM_FIELD_READ, new Grant(Role.VIEWER, false));
    grants.put(Permission.MEMBERSHIP_LEAVE, new Grant(Role.VIEWER, true));
    grants.put(Permission.CONTACT_WRITE, new Grant(Role.MEMBER, false));
    grants.put(Permission.CONTACT_DELETE, new Grant(Role.MEMBER, false));
    grants.put(Permission.COMPANY_WRITE, new Grant(Role.MEMBER, false));
    grants.put(Permission.COMPANY_DELETE, new Grant(Role.MEMBER, false));
    grants.put(Permission.DEAL_WRITE, new Grant(Role.MEMBER, false));
    grants.put(Permission.DEAL_DELETE, new Grant(Role.MEMBER, false));
    grants.put(Permission.ACTIVITY_READ, new Grant(Role.VIEWER, false));
    grants.put(Permission.TASK_READ, new Grant(Role.VIEWER, false));
    grants.put(Permission.ACTIVITY_WRITE, new Grant(Role.MEMBER, false));
    grants.put(Permission.TASK_WRITE, new Grant(Role.MEMBER, false));
    grants.put(Permission.ERASURE_MANAGE, new Grant(Role.ADMIN, false));
    grants.put(Permission.PIPELINE_MANAGE, new Grant(Role.ADMIN, false));
    grants.put(Permission.CUSTOM_FIELD_MANAGE, new Grant(Role.ADMIN, false));
    grants.put(Permission.AUDIT_READ, new Grant(Role.ADMIN, false));
    grants.put(Permission.MEMBER_MANAGE, new Grant(Role.ADMIN, true));
    grants.put(Permission.INVITATION_MANAGE, new Grant(Role.ADMIN, true));
    grants.put(Permission.API_KEY_MANAGE, new Grant(Role.ADMIN, true));
    grants.put(Permission.OWNER_MANAGE, new Grant(Role.OWNER, true));
    grants.put(Permission.CONSENT_READ, new Grant(Role.VIEWER, false));
    grants.put(Permission.CONSENT_RECORD, new Grant(Role.MEMBER, false));
    grants.put(Permission.CONSENT_MANAGE, new Grant(Role.ADMIN, false));
    return grants;
  }

  /** The permission's row; empty when the matrix does not list it (then no one has it). */
  public Optional<Grant> grantOf(Permission permission) {
    return Optional.ofNullable(grants.get(Objects.requireNonNull(permission, "permission")));
  }

  /** Whether an actor of this kind with {@code role} in the workspace has {@code permission}. */
  public boolean allows(Actor actor, Role role, Permission permission) {
    return grantOf(permission)
        .filter(grant -> !(grant.accountsOnly() && actor.admitted() instanceof Actor.ApiKey))
        .map(grant -> role.isAtLeast(grant.minimum()))
        .orElse(false);
  }

  /** Every row, in a stable order (for documentation). */
  public Map<Permission, Grant> rows() {
    return grants;
  }
}
