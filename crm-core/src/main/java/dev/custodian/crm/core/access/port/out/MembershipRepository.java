package dev.custodian.crm.core.access.port.out;

import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Optional;

/**
 * Out-port: workspace memberships, platform-level access-control data (an account lists its
 * workspaces across tenants), filtered by their queries, not by row-level security. Every method
 * joins the caller's open transaction, a platform or a workspace one, and fails with
 * {@link IllegalStateException} when none is open.
 */
public interface MembershipRepository {

  /**
   * Makes {@code account} a member of {@code workspace}, which must exist, with {@code role}.
   *
   * @throws dev.custodian.crm.core.common.error.ConflictException of kind {@code DUPLICATE} when
   *     the account is a member already
   */
  void insert(WorkspaceId workspace, AccountId account, Role role, Instant at);

  /** The account's role in the workspace; empty when it is not a member (or there is no such workspace). */
  Optional<Role> roleOf(WorkspaceId workspace, AccountId account);
}
