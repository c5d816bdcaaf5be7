package dev.custodian.crm.core.access;

import dev.custodian.crm.core.access.port.out.MembershipRepository;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.InMemoryPaging;
import dev.custodian.crm.core.common.InMemoryTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageCursor;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Test fake: {@link MembershipRepository} in memory; passes the same contract as the jOOQ adapter.
 * Its transactions are serialised, so {@link #lockAll} holds by itself: no other transaction runs
 * until this one ends.
 */
public final class InMemoryMembershipRepository implements MembershipRepository {

  private record Key(WorkspaceId workspace, AccountId account) {}

  private final InMemoryTable<Key, Membership> table;

  public InMemoryMembershipRepository(InMemoryTransactions transactions) {
    this.table = transactions.newTable();
  }

  @Override
  public void insert(WorkspaceId workspace, AccountId account, Role role, Instant at) {
    // The record keeps the time at microsecond precision, as the table does.
    Membership row = new Membership(workspace, account, role, Objects.requireNonNull(at, "at"));
    if (table.rows().putIfAbsent(new Key(workspace, account), row) != null) {
      throw new ConflictException(ConflictException.Kind.DUPLICATE, "the account is a member already");
    }
  }

  @Override
  public Optional<Role> roleOf(WorkspaceId workspace, AccountId account) {
    return find(workspace, account).map(Membership::role);
  }

  @Override
  public Optional<Membership> find(WorkspaceId workspace, AccountId account) {
    return Optional.ofNullable(table.rows().get(new Key(workspace, account)));
  }

  @Override
  public Page<Membership> list(WorkspaceId workspace, PageRequest page) {
    return InMemoryPaging.page(ofWorkspace(workspace), m -> new PageCursor(m.joinedAt(), m.account().value()), page);
  }

  @Override
  public void lockAll(WorkspaceId workspace) {
    Objects.requireNonNull(workspace, "workspace");
    table.rows(); // only fails outside a transaction: the serialised transactions are the lock
  }

  @Override
  public int countOwners(WorkspaceId workspace) {
    return (int) ofWorkspace(workspace).filter(m -> m.role() == Role.OWNER).count();
  }

  @Override
  public boolean changeRole(WorkspaceId workspace, AccountId account, Role role) {
    Objects.requireNonNull(role, "role");
    return table.rows().computeIfPresent(new Key(workspace, account),
        (key, m) -> new Membership(m.workspace(), m.account(), role, m.joinedAt())) != null;
  }

  @Override
  public boolean remove(WorkspaceId workspace, AccountId account) {
    return table.rows().remove(new Key(workspace, account)) != null;
  }

  /** The account's memberships, for the in-memory workspace store's list; joins the open transaction. */
  public Stream<Membership> ofAccount(AccountId account) {
    return table.rows().values().stream().filter(m -> m.account().equals(account));
  }

  private Stream<Membership> ofWorkspace(WorkspaceId workspace) {
    return table.rows().values().stream().filter(m -> m.workspace().equals(workspace));
  }
}
