package dev.custodian.crm.core.access.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.PermissionMatrix;
import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.access.port.out.MembershipRepository;
import dev.custodian.crm.core.common.error.ForbiddenException;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.tenancy.PageQuery;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How every use case on a workspace's data runs: one workspace transaction that first checks, in
 * that same transaction, that the actor is a member of the workspace and that its role has the
 * use case's {@link Permission} in the {@link PermissionMatrix} (SEC-08). A non-member (and an API
 * key of another workspace) gets the same {@link NotFoundException} as a workspace that does not
 * exist, so an outsider cannot tell which workspace ids exist; a member lacking the permission gets
 * a {@link ForbiddenException}; either way the work does not run.
 */
public final class WorkspaceTransactions {

  private final Transactions transactions;
  private final MembershipRepository memberships;
  private final PermissionMatrix matrix;

  /** With the product's {@link PermissionMatrix#standard() matrix}. */
  public WorkspaceTransactions(Transactions transactions, MembershipRepository memberships) {
    this(transactions, memberships, PermissionMatrix.standard());
  }

  public WorkspaceTransactions(Transactions transactions, MembershipRepository memberships, PermissionMatrix matrix) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.memberships = Objects.requireNonNull(memberships, "memberships");
    this.matrix = Objects.requireNonNull(matrix, "matrix");
  }

  /**
   * Runs {@code work} in a transaction of {@code workspace} for {@code actor}, who must be a member
   * (a membership exists only for a workspace that exists) with {@code permission}.
   *
   * @throws NotFoundException for a workspace that does not exist or that the actor is no member of
   * @throws ForbiddenException for a member whose role lacks the permission
   */
  public <T> T inWorkspace(WorkspaceId workspace, Actor actor, Permission permission, Supplier<T> work) {
    return inWorkspaceAs(workspace, actor, permission, role -> work.get());
  }

  /** As {@link #inWorkspace}, handing the actor's effective role to {@code work} (for rules between roles). */
  public <T> T inWorkspaceAs(WorkspaceId workspace, Actor actor, Permission permission, Function<Role, T> work) {
    return run(workspace, actor, permission, false, work);
  }

  /**
   * As {@link #inWorkspaceAs}, but first locks every membership of the workspace, then checks the
   * actor's role: for changes that must see the memberships as they are (the last owner, a key made
   * while its creator is removed), and whose check must not use a role another transaction holding
   * the lock changed meanwhile (an owner demoted while demoting another).
   */
  public <T> T inLockedWorkspaceAs(WorkspaceId workspace, Actor actor, Permission permission, Function<Role, T> work) {
    return run(workspace, actor, permission, true, work);
  }

  private <T> T run(WorkspaceId workspace, Actor actor, Permission permission, boolean lockMembers,
      Function<Role, T> work) {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(permission, "permission");
    return transactions.inWorkspace(workspace, () -> {
      if (lockMembers) {
        memberships.lockAll(workspace);
      }
      Role role = roleOf(workspace, actor);
      if (!matrix.allows(actor, role, permission)) {
        throw new ForbiddenException("this needs the permission " + permission + ", which your role has not");
      }
      return work.apply(role);
    });
  }

  /** One page of a workspace's rows, listed by {@code list} in a transaction of that workspace. */
  public <T> Page<T> page(Actor actor, Permission permission, PageQuery query,
      BiFunction<WorkspaceId, PageRequest, Page<T>> list) {
    return inWorkspace(query.workspace(), actor, permission, () -> list.apply(query.workspace(), query.page()));
  }

  /** The actor's role here: a person's membership, or the lower of a key's role and its creator's current one. */
  private Role roleOf(WorkspaceId workspace, Actor actor) {
    if (actor instanceof Actor.ApiKey key && !key.workspace().equals(workspace)) {
      throw new NotFoundException("workspace");
    }
    Role member = memberships.roleOf(workspace, actor.account()).orElseThrow(() -> new NotFoundException("workspace"));
    return actor instanceof Actor.ApiKey key ? Role.lower(member, key.role()) : member;
  }
}
