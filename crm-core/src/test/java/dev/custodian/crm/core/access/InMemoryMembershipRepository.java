package dev.custodian.crm.core.access;

import dev.custodian.crm.core.access.port.out.MembershipRepository;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.InMemoryTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Test fake: {@link MembershipRepository} in memory; passes the same contract as the jOOQ adapter. */
public final class InMemoryMembershipRepository implements MembershipRepository {

  /** A stored membership, as the table holds it (the time at microsecond precision). */
  public record Membership(WorkspaceId workspace, AccountId account, Role role, Instant createdAt) {}

  private record Key(WorkspaceId workspace, AccountId account) {}

  private final InMemoryTable<Key, Membership> table;

  public InMemoryMembershipRepository(InMemoryTransactions transactions) {
    this.table = transactions.newTable();
  }

  @Override
  public void insert(WorkspaceId workspace, AccountId account, Role role, Instant at) {
    Membership row = new Membership(Objects.requireNonNull(workspace, "workspace"),
        Objects.requireNonNull(account, "account"), Objects.requireNonNull(role, "role"), Timestamps.micros(at));
    if (table.rows().putIfAbsent(new Key(workspace, account), row) != null) {
      throw new ConflictException(ConflictException.Kind.DUPLICATE, "the account is a member already");
    }
  }

  @Override
  public Optional<Role> roleOf(WorkspaceId workspace, AccountId account) {
    return Optional.ofNullable(table.rows().get(new Key(workspace, account))).map(Membership::role);
  }

  /** The account's memberships, for the in-memory workspace store's list; joins the open transaction. */
  public Stream<Membership> ofAccount(AccountId account) {
    return table.rows().values().stream().filter(m -> m.account().equals(account));
  }
}
