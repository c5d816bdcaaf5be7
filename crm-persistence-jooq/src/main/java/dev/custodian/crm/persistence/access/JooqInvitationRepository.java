package dev.custodian.crm.persistence.access;

import static dev.custodian.crm.persistence.generated.Tables.ACCOUNTS;
import static dev.custodian.crm.persistence.generated.Tables.INVITATIONS;
import static dev.custodian.crm.persistence.generated.Tables.MEMBERSHIPS;

import dev.custodian.crm.core.access.Invitation;
import dev.custodian.crm.core.access.InvitationId;
import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.access.port.out.InvitationRepository;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.KeysetPaging;
import dev.custodian.crm.persistence.common.SqlTime;
import dev.custodian.crm.persistence.generated.tables.records.InvitationsRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: {@link InvitationRepository} on the platform-level {@code invitations}
 * table. Each change is one conditional update of open invitations (neither accepted nor revoked),
 * so of two concurrent ones the second waits for the first's row lock, then changes nothing.
 */
final class JooqInvitationRepository implements InvitationRepository {

  private final JooqTransactions transactions;

  JooqInvitationRepository(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void insert(Invitation invitation) {
    transactions.dsl().insertInto(INVITATIONS).set(toRow(invitation)).execute();
  }

  private static InvitationsRecord toRow(Invitation invitation) {
    InvitationsRecord row = new InvitationsRecord();
    row.setId(invitation.id().value());
    row.setWorkspaceId(invitation.workspace().value());
    row.setEmail(invitation.email().value());
    row.setEmailNormalised(invitation.email().normalised());
    row.setRole(invitation.role().name());
    row.setInvitedBy(invitation.invitedBy().value());
    row.setCreatedAt(SqlTime.utc(invitation.createdAt()));
    row.setExpiresAt(SqlTime.utc(invitation.expiresAt()));
    row.setAcceptedAt(invitation.acceptedAt().map(SqlTime::utc).orElse(null));
    row.setRevokedAt(invitation.revokedAt().map(SqlTime::utc).orElse(null));
    return row;
  }

  @Override
  public Optional<Invitation> findById(InvitationId id) {
    return transactions.dsl()
        .selectFrom(INVITATIONS)
        .where(INVITATIONS.ID.eq(id.value()))
        .fetchOptional()
        .map(JooqInvitationRepository::toInvitation);
  }

  @Override
  public Page<Invitation> listPending(WorkspaceId workspace, Instant now, PageRequest page) {
    return KeysetPaging.page(
        transactions.dsl().selectFrom(INVITATIONS)
            .where(INVITATIONS.WORKSPACE_ID.eq(workspace.value()))
            .and(open())
            .and(INVITATIONS.EXPIRES_AT.gt(SqlTime.utc(now))),
        INVITATIONS.CREATED_AT, INVITATIONS.ID, page)
        .map(JooqInvitationRepository::toInvitation);
  }

  @Override
  public boolean revoke(WorkspaceId workspace, InvitationId id, Instant at) {
    return revokeWhere(INVITATIONS.WORKSPACE_ID.eq(workspace.value()).and(INVITATIONS.ID.eq(id.value())), at) == 1;
  }

  @Override
  public void insertReplacing(Invitation invitation) {
    // A data-modifying WITH runs to completion even though the insert does not read it: one round trip.
    CommonTableExpression<Record1<UUID>> voided = DSL.name("voided").fields("id").as(
        transactions.dsl().update(INVITATIONS)
            .set(INVITATIONS.REVOKED_AT, SqlTime.utc(invitation.createdAt()))
            .where(INVITATIONS.WORKSPACE_ID.eq(invitation.workspace().value()))
            .and(INVITATIONS.EMAIL_NORMALISED.eq(invitation.email().normalised()))
            .and(open())
            .returningResult(INVITATIONS.ID));
    transactions.dsl().with(voided).insertInto(INVITATIONS).set(toRow(invitation)).execute();
  }

  @Override
  public boolean insertReplacingUnlessMember(Invitation invitation) {
    Condition member = DSL.exists(DSL.selectOne().from(MEMBERSHIPS)
        .join(ACCOUNTS).on(ACCOUNTS.ID.eq(MEMBERSHIPS.ACCOUNT_ID))
        .where(MEMBERSHIPS.WORKSPACE_ID.eq(invitation.workspace().value()))
        .and(ACCOUNTS.EMAIL_NORMALISED.eq(invitation.email().normalised())));
    // One round trip: the voiding WITH and the insert each test that no member has the address.
    CommonTableExpression<Record1<UUID>> voided = DSL.name("voided").fields("id").as(
        transactions.dsl().update(INVITATIONS)
            .set(INVITATIONS.REVOKED_AT, SqlTime.utc(invitation.createdAt()))
            .where(INVITATIONS.WORKSPACE_ID.eq(invitation.workspace().value()))
            .and(INVITATIONS.EMAIL_NORMALISED.eq(invitation.email().normalised()))
            .and(open())
            .andNot(member)
            .returningResult(INVITATIONS.ID));
    InvitationsRecord row = toRow(invitation);
    List<Field<?>> values = Arrays.stream(INVITATIONS.fields())
        .<Field<?>>map(field -> value(row, field))
        .toList();
    return transactions.dsl().with(voided)
        .insertInto(INVITATIONS, INVITATIONS.fields())
        .select(DSL.select(values).where(DSL.not(member)))
        .execute() == 1;
  }

  private static <T> Field<T> value(InvitationsRecord row, Field<T> field) {
    return DSL.val(row.get(field), field);
  }

  @Override
  public boolean markAccepted(InvitationId id, Instant at) {
    return transactions.dsl().update(INVITATIONS)
        .set(INVITATIONS.ACCEPTED_AT, SqlTime.utc(Timestamps.micros(at)))
        .where(INVITATIONS.ID.eq(id.value()))
        .and(open())
        .execute() == 1;
  }

  /** Revokes the open invitations {@code which} selects; returns how many. */
  private int revokeWhere(Condition which, Instant at) {
    return transactions.dsl().update(INVITATIONS)
        .set(INVITATIONS.REVOKED_AT, SqlTime.utc(Timestamps.micros(at)))
        .where(which)
        .and(open())
        .execute();
  }

  /** Neither accepted nor revoked (expired or not: the port's changes ignore expiry). */
  private static Condition open() {
    return INVITATIONS.ACCEPTED_AT.isNull().and(INVITATIONS.REVOKED_AT.isNull());
  }

  private static Invitation toInvitation(InvitationsRecord row) {
    return new Invitation(
        new InvitationId(row.getId()),
        WorkspaceId.of(row.getWorkspaceId()),
        new EmailAddress(row.getEmail()),
        Role.valueOf(row.getRole()),
        AccountId.of(row.getInvitedBy()),
        row.getCreatedAt().toInstant(),
        row.getExpiresAt().toInstant(),
        Optional.ofNullable(row.getAcceptedAt()).map(OffsetDateTime::toInstant),
        Optional.ofNullable(row.getRevokedAt()).map(OffsetDateTime::toInstant));
  }
}
