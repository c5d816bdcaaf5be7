package dev.custodian.crm.persistence.session;

import static dev.custodian.crm.persistence.generated.Tables.SESSIONS;
import static dev.custodian.crm.persistence.generated.Tables.SESSION_TOKENS;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.session.RevocationReason;
import dev.custodian.crm.core.session.Session;
import dev.custodian.crm.core.session.SessionId;
import dev.custodian.crm.core.session.SessionSummary;
import dev.custodian.crm.core.session.SessionToken;
import dev.custodian.crm.core.session.port.out.SessionRepository;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.SqlTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: {@link SessionRepository} on the platform-level {@code sessions} and
 * {@code session_tokens} tables. A rotation is one conditional update of the current token: of two
 * concurrent ones, the second waits for the first's row lock, then finds the token replaced and
 * changes nothing, in this process or another on the same database.
 */
final class JooqSessionRepository implements SessionRepository {

  private final JooqTransactions transactions;

  JooqSessionRepository(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void insert(Session session, String tokenHash) {
    DSLContext dsl = transactions.dsl();
    dsl.insertInto(SESSIONS)
        .set(SESSIONS.ID, session.id().value())
        .set(SESSIONS.ACCOUNT_ID, session.account().value())
        .set(SESSIONS.CREATED_AT, SqlTime.utc(session.createdAt()))
        .set(SESSIONS.EXPIRES_AT, SqlTime.utc(session.expiresAt()))
        .set(SESSIONS.REVOKED_AT, session.revokedAt().map(SqlTime::utc).orElse(null))
        .set(SESSIONS.REVOCATION_REASON, session.revocationReason().map(RevocationReason::name).orElse(null))
        .execute();
    insertToken(dsl, tokenHash, session.id().value(), session.createdAt());
  }

  @Override
  public Optional<SessionToken> findByTokenHash(String tokenHash) {
    return transactions.dsl()
        .select(SESSIONS.fields())
        .select(SESSION_TOKENS.ISSUED_AT, SESSION_TOKENS.REPLACED_AT)
        .from(SESSION_TOKENS)
        .join(SESSIONS).on(SESSIONS.ID.eq(SESSION_TOKENS.SESSION_ID))
        .where(SESSION_TOKENS.TOKEN_HASH.eq(tokenHash))
        .fetchOptional()
        .map(JooqSessionRepository::toToken);
  }

  @Override
  public boolean rotate(String currentHash, String nextHash, Instant at) {
    Instant now = Timestamps.micros(at);
    DSLContext dsl = transactions.dsl();
    Optional<UUID> session = dsl.update(SESSION_TOKENS)
        .set(SESSION_TOKENS.REPLACED_AT, SqlTime.utc(now))
        .where(SESSION_TOKENS.TOKEN_HASH.eq(currentHash))
        .and(SESSION_TOKENS.REPLACED_AT.isNull())
        .returning(SESSION_TOKENS.SESSION_ID)
        .fetchOptional(SESSION_TOKENS.SESSION_ID);
    session.ifPresent(id -> insertToken(dsl, nextHash, id, now));
    return session.isPresent();
  }

  @Override
  public boolean revoke(SessionId id, Instant at, RevocationReason reason) {
    return revokeWhere(SESSIONS.ID.eq(id.value()), at, reason) == 1;
  }

  @Override
  public int revokeAll(AccountId account, Instant at, RevocationReason reason) {
    return revokeWhere(SESSIONS.ACCOUNT_ID.eq(account.value()), at, reason);
  }

  @Override
  public List<SessionSummary> sessionsOf(AccountId account) {
    Field<OffsetDateTime> lastSeen = DSL.max(SESSION_TOKENS.ISSUED_AT).as("last_seen_at");
    return transactions.dsl()
        .select(SESSIONS.fields())
        .select(lastSeen)
        .from(SESSIONS)
        .leftJoin(SESSION_TOKENS).on(SESSION_TOKENS.SESSION_ID.eq(SESSIONS.ID))
        .where(SESSIONS.ACCOUNT_ID.eq(account.value()))
        .groupBy(SESSIONS.ID)
        .orderBy(SESSIONS.CREATED_AT.desc(), SESSIONS.ID)
        .fetch(row -> {
          Session session = session(row);
          return new SessionSummary(session,
              Optional.ofNullable(row.get(lastSeen)).map(OffsetDateTime::toInstant).orElse(session.createdAt()));
        });
  }

  /** Revokes the sessions {@code which} selects that are not revoked yet; returns how many. */
  private int revokeWhere(Condition which, Instant at, RevocationReason reason) {
    return transactions.dsl().update(SESSIONS)
        .set(SESSIONS.REVOKED_AT, SqlTime.utc(Timestamps.micros(at)))
        .set(SESSIONS.REVOCATION_REASON, reason.name())
        .where(which)
        .and(SESSIONS.REVOKED_AT.isNull())
        .execute();
  }

  private static void insertToken(DSLContext dsl, String tokenHash, UUID session, Instant issuedAt) {
    dsl.insertInto(SESSION_TOKENS)
        .set(SESSION_TOKENS.TOKEN_HASH, tokenHash)
        .set(SESSION_TOKENS.SESSION_ID, session)
        .set(SESSION_TOKENS.ISSUED_AT, SqlTime.utc(issuedAt))
        .execute();
  }

  static SessionToken toToken(Record row) {
    Session session = session(row);
    return new SessionToken(session, row.get(SESSION_TOKENS.ISSUED_AT).toInstant(),
        Optional.ofNullable(row.get(SESSION_TOKENS.REPLACED_AT)).map(OffsetDateTime::toInstant));
  }

  private static Session session(Record row) {
    return new Session(
        new SessionId(row.get(SESSIONS.ID)),
        AccountId.of(row.get(SESSIONS.ACCOUNT_ID)),
        row.get(SESSIONS.CREATED_AT).toInstant(),
        row.get(SESSIONS.EXPIRES_AT).toInstant(),
        Optional.ofNullable(row.get(SESSIONS.REVOKED_AT)).map(OffsetDateTime::toInstant),
        Optional.ofNullable(row.get(SESSIONS.REVOCATION_REASON)).map(RevocationReason::valueOf));
  }
}
