package dev.custodian.crm.core.access.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.port.out.MembershipRepository;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.tenancy.PageQuery;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * How every use case on a workspace's data runs: one workspace transaction that first checks, in
 * that same transaction, that the actor is a member of the workspace. A non-member gets the same
 * {@link NotFoundException} as a workspace that does not exist, so an outsider cannot tell which
 * workspace ids exist.
 */
public final class WorkspaceTransactions {

  private final Transactions transactions;
  private final MembershipRepository memberships;

  public WorkspaceTransactions(Transactions transactions, MembershipRepository memberships) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.memberships = Objects.requireNonNull(memberships, "memberships");
  }

  /**
   * Runs {@code work} in a transaction of {@code workspace} for {@code actor}, who must be a
   * member (a membership exists only for a workspace that exists).
   *
   * @throws NotFoundException for a workspace that does not exist or that the actor is no member of
   */
  public <T> T inWorkspace(WorkspaceId workspace, Actor actor, Supplier<T> work) {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(actor, "actor");
    return transactions.inWorkspace(workspace, () -> {
      if (memberships.roleOf(workspace, actor.account()).isEmpty()) {
        throw new NotFoundException("workspace");
      }
      return work.get();
    });
  }

  /** One page of a workspace's rows, listed by {@code list} in a transaction of that workspace. */
  public <T> Page<T> page(Actor actor, PageQuery query, BiFunction<WorkspaceId, PageRequest, Page<T>> list) {
    return inWorkspace(query.workspace(), actor, () -> list.apply(query.workspace(), query.page()));
  }
}
