package dev.custodian.crm.core.access;

import dev.custodian.crm.core.access.port.out.MembershipRepository;
import dev.custodian.crm.core.account.Account;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.account.port.out.AccountRepository;
import dev.custodian.crm.core.common.InMemoryPaging;
import dev.custodian.crm.core.common.InMemoryTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Test fake: {@link MembershipRepository} in memory; passes the same contract as the jOOQ adapter.
 * Its transactions are serialised, so {@link #lockAll} holds by itself: no other transaction runs
 * until this one ends.
 */
public final class InMemoryMembershipRepository implements MembershipRepository {

  /**
   * A stored membership, as the table holds it (the time at microsecond precision): what
   * {@link #ofAccount} hands to a workspace store that joins it (as {@code .ci/embedding-check}'s does).
   */
  public record Row(WorkspaceId workspace, AccountId account, Role role, Instant createdAt) {

    Membership toMembership() {
      return new Membership(workspace, account, role, createdAt);
    }
  }

  private record Key(WorkspaceId workspace, AccountId account) {}

  private final InMemoryTable<Key, Row> table;
  private final Function<AccountId, Optional<Account>> accounts;

  /** Without accounts: {@link #members} names no one. */
  public InMemoryMembershipRepository(InMemoryTransactions transactions) {
    this(transactions, account -> Optional.empty());
  }

  /** With the accounts {@link #members} names members from, as the database joins them. */
  public InMemoryMembershipRepository(InMemoryTransactions transactions, AccountRepository accounts) {
    this(transactions, accounts::findById);
  }

  private InMemoryMembershipRepository(InMemoryTransactions transactions,
      Function<AccountId, Optional<Account>> accounts) {
    this.table = transactions.newTable();
    this.accounts = accounts;
  }

  @Override
  public void insert(WorkspaceId workspace, AccountId account, Role role, Instant at) {
    Row row = new Row(Objects.requireNonNull(workspace, "workspace"), Objects.requireNonNull(account, "account"),
        Objects.requireNonNull(role, "role"), Timestamps.micros(at));
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
    return Optional.ofNullable(table.rows().get(new Key(workspace, account))).map(Row::toMembership);
  }

  @Override
  public Page<Membership> list(WorkspaceId workspace, PageRequest page) {
    return InMemoryPaging.page(ofWorkspace(workspace).map(Row::toMembership),
        Membership::joinedAt, m -> m.account().value(), page);
  }

  @Override
  public Page<Member> members(WorkspaceId workspace, PageRequest page) {
    return list(workspace, page).map(m -> {
      Optional<Account> account = accounts.apply(m.account());
      return new Member(m.account(), account.map(Account::name), account.map(Account::email), m.role(), m.joinedAt());
    });
  }

  @Override
  public Map<AccountId, Role> lockAll(WorkspaceId workspace) {
    Objects.requireNonNull(workspace, "workspace");
    table.rows(); // only fails outside a transaction: the serialised transactions are the lock
    Map<AccountId, Role> roles = new java.util.LinkedHashMap<>();
    ofWorkspace(workspace).forEach(m -> roles.put(m.account(), m.role()));
    return roles;
  }

  @Override
  public int countOwners(WorkspaceId workspace) {
    return (int) ofWorkspace(workspace).filter(m -> m.role() == Role.OWNER).count();
  }

  @Override
  public List<AccountId> owners(WorkspaceId workspace) {
    return ofWorkspace(workspace).filter(m -> m.role() == Role.OWNER)
        .sorted(java.util.Comparator.comparing(Row::createdAt).thenComparing(m -> m.account().value()))
        .map(Row::account).toList();
  }

  @Override
  public boolean changeRole(WorkspaceId workspace, AccountId account, Role role) {
    Objects.requireNonNull(role, "role");
    return table.rows().computeIfPresent(new Key(workspace, account),
        (key, m) -> new Row(m.workspace(), m.account(), role, m.createdAt())) != null;
  }

  @Override
  public boolean remove(WorkspaceId workspace, AccountId account) {
    return table.rows().remove(new Key(workspace, account)) != null;
  }

  /** The account's memberships, for the in-memory workspace store's list; joins the open transaction. */
  public Stream<Row> ofAccount(AccountId account) {
    return table.rows().values().stream().filter(m -> m.account().equals(account));
  }

  private Stream<Row> ofWorkspace(WorkspaceId workspace) {
    return table.rows().values().stream().filter(m -> m.workspace().equals(workspace));
  }
}
