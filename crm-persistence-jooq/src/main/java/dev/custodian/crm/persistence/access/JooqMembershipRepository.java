package dev.custodian.crm.persistence.access;

import static dev.custodian.crm.persistence.generated.Tables.MEMBERSHIPS;

import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.access.port.out.MembershipRepository;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.DatabaseErrors;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.SqlTime;
import java.time.Instant;
import java.util.Optional;
import org.jooq.exception.DataAccessException;

/** Persistence adapter: {@link MembershipRepository} on the platform-level {@code memberships} table. */
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
        .where(MEMBERSHIPS.WORKSPACE_ID.eq(workspace.value()))
        .and(MEMBERSHIPS.ACCOUNT_ID.eq(account.value()))
        .fetchOptional(MEMBERSHIPS.ROLE)
        .map(Role::valueOf);
  }
}
