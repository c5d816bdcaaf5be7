package dev.custodian.crm.persistence.consent;

import static dev.custodian.crm.persistence.generated.Tables.CONSENT_CONFIRMATIONS;

import dev.custodian.crm.core.consent.ConsentConfirmation;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.consent.port.out.ConsentConfirmations;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.SqlTime;
import dev.custodian.crm.persistence.generated.tables.records.ConsentConfirmationsRecord;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** Persistence adapter: {@link ConsentConfirmations} on the {@code consent_confirmations} table. */
final class JooqConsentConfirmations implements ConsentConfirmations {

  private final JooqTransactions transactions;

  JooqConsentConfirmations(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void add(ConsentConfirmation confirmation) {
    transactions.dsl(confirmation.workspace()).insertInto(CONSENT_CONFIRMATIONS)
        .set(CONSENT_CONFIRMATIONS.TENANT_ID, confirmation.workspace().value())
        .set(CONSENT_CONFIRMATIONS.ID, confirmation.id())
        .set(CONSENT_CONFIRMATIONS.CONTACT_ID, confirmation.contact().value())
        .set(CONSENT_CONFIRMATIONS.PURPOSE_KEY, confirmation.purpose().value())
        .set(CONSENT_CONFIRMATIONS.NOTICE_VERSION, confirmation.noticeVersion())
        .set(CONSENT_CONFIRMATIONS.REQUESTED_AT, SqlTime.utc(confirmation.requestedAt()))
        .execute();
  }

  @Override
  public int countSince(WorkspaceId workspace, ContactId contact, PurposeKey purpose, Instant since) {
    return transactions.dsl(workspace).fetchCount(CONSENT_CONFIRMATIONS,
        CONSENT_CONFIRMATIONS.TENANT_ID.eq(workspace.value())
            .and(CONSENT_CONFIRMATIONS.CONTACT_ID.eq(contact.value()))
            .and(CONSENT_CONFIRMATIONS.PURPOSE_KEY.eq(purpose.value()))
            .and(CONSENT_CONFIRMATIONS.REQUESTED_AT.ge(SqlTime.utc(since))));
  }

  @Override
  public Optional<ConsentConfirmation> findUnused(WorkspaceId workspace, UUID id) {
    return transactions.dsl(workspace).selectFrom(CONSENT_CONFIRMATIONS)
        .where(key(workspace, id)).and(CONSENT_CONFIRMATIONS.USED_AT.isNull())
        .fetchOptional(JooqConsentConfirmations::toConfirmation);
  }

  @Override
  public boolean mint(WorkspaceId workspace, UUID id, String tokenHash, Instant expiresAt) {
    return transactions.dsl(workspace).update(CONSENT_CONFIRMATIONS)
        .set(CONSENT_CONFIRMATIONS.TOKEN_HASH, tokenHash)
        .set(CONSENT_CONFIRMATIONS.EXPIRES_AT, SqlTime.utc(expiresAt))
        .where(key(workspace, id)).and(CONSENT_CONFIRMATIONS.USED_AT.isNull())
        .execute() == 1;
  }

  @Override
  public void voidToken(WorkspaceId workspace, UUID id) {
    transactions.dsl(workspace).update(CONSENT_CONFIRMATIONS)
        .set(CONSENT_CONFIRMATIONS.TOKEN_HASH, (String) null)
        .set(CONSENT_CONFIRMATIONS.EXPIRES_AT, (java.time.OffsetDateTime) null)
        .where(key(workspace, id)).and(CONSENT_CONFIRMATIONS.USED_AT.isNull())
        .execute();
  }

  @Override
  public Optional<ConsentConfirmation> use(WorkspaceId workspace, String tokenHash, Instant now) {
    // One conditional update decides: of two concurrent uses, the second finds it used.
    return transactions.dsl(workspace).update(CONSENT_CONFIRMATIONS)
        .set(CONSENT_CONFIRMATIONS.USED_AT, SqlTime.utc(now))
        .where(CONSENT_CONFIRMATIONS.TENANT_ID.eq(workspace.value()))
        .and(CONSENT_CONFIRMATIONS.TOKEN_HASH.eq(tokenHash))
        .and(CONSENT_CONFIRMATIONS.USED_AT.isNull())
        .and(CONSENT_CONFIRMATIONS.EXPIRES_AT.gt(SqlTime.utc(now)))
        .returning()
        .fetchOptional()
        .map(JooqConsentConfirmations::toConfirmation);
  }

  @Override
  public int removeFor(WorkspaceId workspace, ContactId contact) {
    return transactions.dsl(workspace).deleteFrom(CONSENT_CONFIRMATIONS)
        .where(CONSENT_CONFIRMATIONS.TENANT_ID.eq(workspace.value()))
        .and(CONSENT_CONFIRMATIONS.CONTACT_ID.eq(contact.value()))
        .execute();
  }

  private static Condition key(WorkspaceId workspace, UUID id) {
    return CONSENT_CONFIRMATIONS.TENANT_ID.eq(workspace.value()).and(CONSENT_CONFIRMATIONS.ID.eq(id));
  }

  private static ConsentConfirmation toConfirmation(ConsentConfirmationsRecord row) {
    return new ConsentConfirmation(WorkspaceId.of(row.getTenantId()), row.getId(), ContactId.of(row.getContactId()),
        new PurposeKey(row.getPurposeKey()), row.getNoticeVersion(), row.getRequestedAt().toInstant());
  }
}
