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
   * What a permission does to a workspace's data, which decides whether a cancelled workspace
   * (read-only until its purge, RET-02) still allows it.
   */
  public enum Effect {
    /** Reads only: open while the workspace is cancelled. */
    READ,
    /** Changes the workspace's data: refused while it is cancelled. */
    WRITE,
    /**
     * Changes that go on while it is cancelled: its lifecycle steps, and a person's rights (erasure,
     * data-subject requests, consent withdrawals), which do not pause while their controller leaves.
     */
    WRITE_WHILE_CANCELLED;

    /** Whether a cancelled workspace allows it. */
    public boolean allowedWhileCancelled() {
      return this != WRITE;
    }
  }

  /**
   * @param minimum the lowest role that has the permission
   * @param accountsOnly true when only a signed-in person may use it, never an API key (managing
   *     members, invitations and keys)
   * @param effect whether it reads or writes (RET-02)
   */
  public record Grant(Role minimum, boolean accountsOnly, Effect effect) {
    public Grant {
      Objects.requireNonNull(minimum, "minimum");
      Objects.requireNonNull(effect, "effect");
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
    grants.put(Permission.WORKSPACE_READ, new Grant(Role.VIEWER, false, Effect.READ));
    grants.put(Permission.CONTACT_READ, new Grant(Role.VIEWER, false, Effect.READ));
    grants.put(Permission.COMPANY_READ, new Grant(Role.VIEWER, false, Effect.READ));
    grants.put(Permission.MEMBER_READ, new Grant(Role.VIEWER, false, Effect.READ));
    grants.put(Permission.PIPELINE_READ, new Grant(Role.VIEWER, false, Effect.READ));
    grants.put(Permission.DEAL_READ, new Grant(Role.VIEWER, false, Effect.READ));
    grants.put(Permission.CUSTOM_FIELD_READ, new Grant(Role.VIEWER, false, Effect.READ));
    grants.put(Permission.MEMBERSHIP_LEAVE, new Grant(Role.VIEWER, true, Effect.WRITE));
    grants.put(Permission.CONTACT_WRITE, new Grant(Role.MEMBER, false, Effect.WRITE));
    grants.put(Permission.CONTACT_DELETE, new Grant(Role.MEMBER, false, Effect.WRITE));
    grants.put(Permission.COMPANY_WRITE, new Grant(Role.MEMBER, false, Effect.WRITE));
    grants.put(Permission.COMPANY_DELETE, new Grant(Role.MEMBER, false, Effect.WRITE));
    grants.put(Permission.DEAL_WRITE, new Grant(Role.MEMBER, false, Effect.WRITE));
    grants.put(Permission.DEAL_DELETE, new Grant(Role.MEMBER, false, Effect.WRITE));
    grants.put(Permission.ACTIVITY_READ, new Grant(Role.VIEWER, false, Effect.READ));
    grants.put(Permission.TASK_READ, new Grant(Role.VIEWER, false, Effect.READ));
    grants.put(Permission.ACTIVITY_WRITE, new Grant(Role.MEMBER, false, Effect.WRITE));
    grants.put(Permission.TASK_WRITE, new Grant(Role.MEMBER, false, Effect.WRITE));
    grants.put(Permission.ERASURE_MANAGE, new Grant(Role.ADMIN, false, Effect.WRITE_WHILE_CANCELLED));
    grants.put(Permission.PIPELINE_MANAGE, new Grant(Role.ADMIN, false, Effect.WRITE));
    grants.put(Permission.CUSTOM_FIELD_MANAGE, new Grant(Role.ADMIN, false, Effect.WRITE));
    // Reading the trail stays open while cancelled; an export's own entry goes on the kept chain.
    grants.put(Permission.AUDIT_READ, new Grant(Role.ADMIN, false, Effect.READ));
    // Portability holds during the cancellation window too (DSR-06, RET-02).
    grants.put(Permission.DATA_EXPORT, new Grant(Role.ADMIN, false, Effect.READ));
    grants.put(Permission.IMPORT_READ, new Grant(Role.VIEWER, false, Effect.READ));
    grants.put(Permission.IMPORT_WRITE, new Grant(Role.MEMBER, false, Effect.WRITE));
    grants.put(Permission.MEMBER_MANAGE, new Grant(Role.ADMIN, true, Effect.WRITE));
    grants.put(Permission.INVITATION_MANAGE, new Grant(Role.ADMIN, true, Effect.WRITE));
    grants.put(Permission.API_KEY_MANAGE, new Grant(Role.ADMIN, true, Effect.WRITE));
    grants.put(Permission.OWNER_MANAGE, new Grant(Role.OWNER, true, Effect.WRITE));
    grants.put(Permission.WORKSPACE_LIFECYCLE, new Grant(Role.OWNER, true, Effect.WRITE_WHILE_CANCELLED));
    grants.put(Permission.CONSENT_READ, new Grant(Role.VIEWER, false, Effect.READ));
    grants.put(Permission.CONSENT_RECORD, new Grant(Role.MEMBER, false, Effect.WRITE));
    grants.put(Permission.CONSENT_MANAGE, new Grant(Role.ADMIN, false, Effect.WRITE));
    grants.put(Permission.CONSENT_REFUSE, new Grant(Role.MEMBER, false, Effect.WRITE_WHILE_CANCELLED));
    grants.put(Permission.RESTRICTION_SET, new Grant(Role.ADMIN, false, Effect.WRITE_WHILE_CANCELLED));
    return grants;
  }

  /**
   * Whether {@code permission} may be used in a cancelled workspace: a read, or a write the matrix
   * lets go on while it is cancelled; false for a permission without a row.
   */
  public boolean allowedWhileCancelled(Permission permission) {
    return grantOf(permission).map(grant -> grant.effect().allowedWhileCancelled()).orElse(false);
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
