package dev.custodian.crm.persistence.access;

import static dev.custodian.crm.persistence.generated.Tables.ACCOUNTS;
import static dev.custodian.crm.persistence.generated.Tables.MEMBERSHIPS;

import dev.custodian.crm.core.access.Member;
import dev.custodian.crm.core.access.Membership;
import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.access.port.out.MembershipRepository;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.account.AccountName;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.DatabaseErrors;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.KeysetPaging;
import dev.custodian.crm.persistence.common.SqlTime;
import dev.custodian.crm.persistence.generated.tables.records.MembershipsRecord;
import java.time.Instant;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.exception.DataAccessException;

/**
 * Persistence adapter: {@link MembershipRepository} on the platform-level {@code memberships}
 * table. {@link #lockAll} is a {@code select ... for update} of the workspace's rows in account
 * order (one order for every caller, so two lockers never deadlock): a second one waits for the
 * first's commit, in this process or another on the same database.
 */
final class JooqMembershipRepository implements MembershipRepository {

  private final JooqTransactions transactions;

  JooqMembershipRepository(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void insert(WorkspaceId workspace, AccountId account, Role role, Instant at) {
    try {
      transactions.dsl().insertInto(MEMBERSHIPS)
          .set(MEMBERSHIPS.WORKSPACE_ID, workspace.value())
          .set(MEMBERSHIPS.ACCOUNT_ID, account.value())
          .set(MEMBERSHIPS.ROLE, role.name())
          .set(MEMBERSHIPS.CREATED_AT, SqlTime.utc(Timestamps.micros(at)))
          .execute();
    } catch (DataAccessException e) {
      if (DatabaseErrors.isViolation(e, DatabaseErrors.UNIQUE_VIOLATION, "memberships_pk")) {
        throw new ConflictException(ConflictException.Kind.DUPLICATE, "the account is a member already");
      }
      throw e;
    }
  }

  @Override
  public Optional<Role> roleOf(WorkspaceId workspace, AccountId account) {
    return transactions.dsl()
        .select(MEMBERSHIPS.ROLE)
        .from(MEMBERSHIPS)
        .where(one(workspace, account))
        .fetchOptional(MEMBERSHIPS.ROLE)
        .map(Role::valueOf);
  }

  @Override
  public Optional<Membership> find(WorkspaceId workspace, AccountId account) {
    return transactions.dsl()
        .selectFrom(MEMBERSHIPS)
        .where(one(workspace, account))
        .fetchOptional()
        .map(JooqMembershipRepository::toMembership);
  }

  @Override
  public Page<Membership> list(WorkspaceId workspace, PageRequest page) {
    return KeysetPaging.page(
        transactions.dsl().selectFrom(MEMBERSHIPS).where(MEMBERSHIPS.WORKSPACE_ID.eq(workspace.value())),
        MEMBERSHIPS.CREATED_AT, MEMBERSHIPS.ACCOUNT_ID, page)
        .map(JooqMembershipRepository::toMembership);
  }

  @Override
  public Page<Member> members(WorkspaceId workspace, PageRequest page) {
    return KeysetPaging.page(
        transactions.dsl().select(MEMBERSHIPS.ACCOUNT_ID, MEMBERSHIPS.ROLE, MEMBERSHIPS.CREATED_AT, ACCOUNTS.NAME,
                ACCOUNTS.EMAIL)
            .from(MEMBERSHIPS)
            .leftJoin(ACCOUNTS).on(ACCOUNTS.ID.eq(MEMBERSHIPS.ACCOUNT_ID)) // no account row: an embedder's own user
            .where(MEMBERSHIPS.WORKSPACE_ID.eq(workspace.value())),
        MEMBERSHIPS.CREATED_AT, MEMBERSHIPS.ACCOUNT_ID, page)
        .map(row -> new Member(AccountId.of(row.value1()),
            Optional.ofNullable(row.value4()).map(AccountName::new),
            Optional.ofNullable(row.value5()).map(EmailAddress::new),
            Role.valueOf(row.value2()), row.value3().toInstant()));
  }

  @Override
  public Map<AccountId, Role> lockAll(WorkspaceId workspace) {
    Map<AccountId, Role> roles = new LinkedHashMap<>();
    transactions.dsl()
        .select(MEMBERSHIPS.ACCOUNT_ID, MEMBERSHIPS.ROLE)
        .from(MEMBERSHIPS)
        .where(MEMBERSHIPS.WORKSPACE_ID.eq(workspace.value()))
        .orderBy(MEMBERSHIPS.ACCOUNT_ID)
        .forUpdate()
        .fetch()
        .forEach(r -> roles.put(new AccountId(r.value1()), Role.valueOf(r.value2())));
    return roles;
  }

  @Override
  public int countOwners(WorkspaceId workspace) {
    return transactions.dsl().fetchCount(MEMBERSHIPS,
        MEMBERSHIPS.WORKSPACE_ID.eq(workspace.value()).and(MEMBERSHIPS.ROLE.eq(Role.OWNER.name())));
  }

  @Override
  public List<AccountId> owners(WorkspaceId workspace) {
    return transactions.dsl().select(MEMBERSHIPS.ACCOUNT_ID).from(MEMBERSHIPS)
        .where(MEMBERSHIPS.WORKSPACE_ID.eq(workspace.value()).and(MEMBERSHIPS.ROLE.eq(Role.OWNER.name())))
        .orderBy(MEMBERSHIPS.CREATED_AT, MEMBERSHIPS.ACCOUNT_ID)
        .fetch(row -> new AccountId(row.value1()));
  }

  @Override
  public boolean changeRole(WorkspaceId workspace, AccountId account, Role role) {
    return transactions.dsl().update(MEMBERSHIPS)
        .set(MEMBERSHIPS.ROLE, role.name())
        .where(one(workspace, account))
        .execute() == 1;
  }

  @Override
  public boolean remove(WorkspaceId workspace, AccountId account) {
    return transactions.dsl().deleteFrom(MEMBERSHIPS).where(one(workspace, account)).execute() == 1;
  }

  private static Condition one(WorkspaceId workspace, AccountId account) {
    return MEMBERSHIPS.WORKSPACE_ID.eq(workspace.value()).and(MEMBERSHIPS.ACCOUNT_ID.eq(account.value()));
  }

  private static Membership toMembership(MembershipsRecord row) {
    return new Membership(WorkspaceId.of(row.getWorkspaceId()), AccountId.of(row.getAccountId()),
        Role.valueOf(row.getRole()), row.getCreatedAt().toInstant());
  }
}
