package dev.custodian.crm.persistence.mail;

import static dev.custodian.crm.persistence.generated.Tables.MAIL_TOKENS;

import dev.custodian.crm.core.mail.MailTokenPurpose;
import dev.custodian.crm.core.mail.port.out.MailTokenRepository;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.SqlTime;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Persistence adapter: {@link MailTokenRepository} on the {@code mail_tokens} table. */
final class JooqMailTokenRepository implements MailTokenRepository {

  private final JooqTransactions transactions;

  JooqMailTokenRepository(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void issue(UUID account, MailTokenPurpose purpose, String tokenHash, Instant expiresAt, Instant now) {
    DSLContext dsl = transactions.dsl();
    // Two issues for one account and purpose at once would each miss the other's uncommitted row
    // and both stay valid: the second waits here until the first commits, then voids its token.
    dsl.select(DSL.field("pg_advisory_xact_lock(hashtextextended({0}, 0))", Object.class,
        DSL.val("mail_tokens:" + account + ":" + purpose.name()))).fetch();
    dsl.update(MAIL_TOKENS)
        .set(MAIL_TOKENS.VOIDED_AT, SqlTime.utc(now))
        .where(MAIL_TOKENS.ACCOUNT_ID.eq(account))
        .and(MAIL_TOKENS.PURPOSE.eq(purpose.name()))
        .and(MAIL_TOKENS.USED_AT.isNull())
        .and(MAIL_TOKENS.VOIDED_AT.isNull())
        .execute();
    dsl.insertInto(MAIL_TOKENS)
        .set(MAIL_TOKENS.TOKEN_HASH, tokenHash)
        .set(MAIL_TOKENS.PURPOSE, purpose.name())
        .set(MAIL_TOKENS.ACCOUNT_ID, account)
        .set(MAIL_TOKENS.CREATED_AT, SqlTime.utc(now))
        .set(MAIL_TOKENS.EXPIRES_AT, SqlTime.utc(expiresAt))
        .execute();
  }

  @Override
  public Optional<UUID> usableFor(MailTokenPurpose purpose, String tokenHash, Instant now) {
    return transactions.dsl().select(MAIL_TOKENS.ACCOUNT_ID).from(MAIL_TOKENS).where(
        MAIL_TOKENS.TOKEN_HASH.eq(tokenHash)
            .and(MAIL_TOKENS.PURPOSE.eq(purpose.name()))
            .and(MAIL_TOKENS.USED_AT.isNull())
            .and(MAIL_TOKENS.VOIDED_AT.isNull())
            .and(MAIL_TOKENS.EXPIRES_AT.gt(SqlTime.utc(now))))
        .fetchOptional(MAIL_TOKENS.ACCOUNT_ID);
  }

  @Override
  public Optional<UUID> consume(MailTokenPurpose purpose, String tokenHash, Instant now) {
    // One conditional update: of two concurrent uses the second waits for the first's row lock,
    // then finds used_at set and changes nothing.
    return transactions.dsl()
        .update(MAIL_TOKENS)
        .set(MAIL_TOKENS.USED_AT, SqlTime.utc(now))
        .where(MAIL_TOKENS.TOKEN_HASH.eq(tokenHash))
        .and(MAIL_TOKENS.PURPOSE.eq(purpose.name()))
        .and(MAIL_TOKENS.USED_AT.isNull())
        .and(MAIL_TOKENS.VOIDED_AT.isNull())
        .and(MAIL_TOKENS.EXPIRES_AT.gt(SqlTime.utc(now)))
        .returning(MAIL_TOKENS.ACCOUNT_ID)
        .fetchOptional(MAIL_TOKENS.ACCOUNT_ID);
  }
}
