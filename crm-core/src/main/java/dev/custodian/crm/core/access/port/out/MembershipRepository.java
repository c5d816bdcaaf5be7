package dev.custodian.crm.core.access.port.out;

import dev.custodian.crm.core.access.Member;
import dev.custodian.crm.core.access.Membership;
import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Out-port: workspace memberships, platform-level access-control data (an account lists its
 * workspaces across tenants), filtered by their queries, not by row-level security. The account is
 * any account id (an embedder's own users need no account row). Every method joins the caller's
 * open transaction, a platform or a workspace one, and fails with {@link IllegalStateException}
 * when none is open.
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

  /** The account's membership of the workspace, if it is a member. */
  Optional<Membership> find(WorkspaceId workspace, AccountId account);

  /** One page of the workspace's members, in the order they joined (then by account id). */
  Page<Membership> list(WorkspaceId workspace, PageRequest page);

  /**
   * The same page as {@link #list} as {@link Member}s, each with the name and email of its account
   * where this database holds the account (empty otherwise: an embedder's own users), in one read.
   */
  Page<Member> members(WorkspaceId workspace, PageRequest page);

  /**
   * Locks every membership of the workspace until the transaction ends, so that changes which must
   * see them all (the last owner) are serialised across transactions and processes. Answers every
   * member's role as locked, in the same statement.
   */
  Map<AccountId, Role> lockAll(WorkspaceId workspace);

  /** How many OWNERs the workspace has. */
  int countOwners(WorkspaceId workspace);

  /** The workspace's OWNERs, in the order they joined. */
  List<AccountId> owners(WorkspaceId workspace);

  /** Gives the member another role; false when the account is no member. */
  boolean changeRole(WorkspaceId workspace, AccountId account, Role role);

  /** Ends the membership; false when the account is no member. */
  boolean remove(WorkspaceId workspace, AccountId account);
}
