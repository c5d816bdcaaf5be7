package dev.custodian.crm.persistence.access;

import static dev.custodian.crm.persistence.generated.Tables.API_KEYS;

import dev.custodian.crm.core.access.ApiKeyId;
import dev.custodian.crm.core.access.ApiKeyName;
import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.access.WorkspaceApiKey;
import dev.custodian.crm.core.access.port.out.ApiKeyRepository;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.KeysetPaging;
import dev.custodian.crm.persistence.common.SqlTime;
import dev.custodian.crm.persistence.generated.tables.records.ApiKeysRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;

/**
 * Persistence adapter: {@link ApiKeyRepository} on the platform-level {@code api_keys} table, which
 * holds each key's SHA-256 only. A use is recorded by one conditional update, so a busy key writes
 * at most once a minute however many requests race.
 */
final class JooqApiKeyRepository implements ApiKeyRepository {

  private final JooqTransactions transactions;

  JooqApiKeyRepository(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void insert(WorkspaceApiKey key, String tokenHash) {
    ApiKeysRecord row = new ApiKeysRecord();
    row.setId(key.id().value());
    row.setWorkspaceId(key.workspace().value());
    row.setName(key.name().value());
    row.setRole(key.role().name());
    row.setTokenHash(Objects.requireNonNull(tokenHash, "tokenHash"));
    row.setCreatedBy(key.createdBy().value());
    row.setCreatedAt(SqlTime.utc(key.createdAt()));
    row.setLastUsedAt(key.lastUsedAt().map(SqlTime::utc).orElse(null));
    row.setRevokedAt(key.revokedAt().map(SqlTime::utc).orElse(null));
    transactions.dsl().insertInto(API_KEYS).set(row).execute();
  }

  @Override
  public Optional<WorkspaceApiKey> findByTokenHash(String tokenHash) {
    return transactions.dsl()
        .selectFrom(API_KEYS)
        .where(API_KEYS.TOKEN_HASH.eq(tokenHash))
        .fetchOptional()
        .map(JooqApiKeyRepository::toKey);
  }

  @Override
  public Page<WorkspaceApiKey> list(WorkspaceId workspace, PageRequest page) {
    return KeysetPaging.page(
        transactions.dsl().selectFrom(API_KEYS)
            .where(API_KEYS.WORKSPACE_ID.eq(workspace.value()))
            .and(API_KEYS.REVOKED_AT.isNull()),
        API_KEYS.CREATED_AT, API_KEYS.ID, page)
        .map(JooqApiKeyRepository::toKey);
  }

  @Override
  public boolean revoke(WorkspaceId workspace, ApiKeyId id, Instant at) {
    return revokeWhere(API_KEYS.WORKSPACE_ID.eq(workspace.value()).and(API_KEYS.ID.eq(id.value())), at) == 1;
  }

  @Override
  public int revokeAllOf(WorkspaceId workspace, AccountId creator, Instant at) {
    return revokeWhere(API_KEYS.WORKSPACE_ID.eq(workspace.value()).and(API_KEYS.CREATED_BY.eq(creator.value())), at);
  }

  @Override
  public void recordUse(ApiKeyId id, Instant at) {
    Instant now = Timestamps.micros(at);
    transactions.dsl().update(API_KEYS)
        .set(API_KEYS.LAST_USED_AT, SqlTime.utc(now))
        .where(API_KEYS.ID.eq(id.value()))
        // Only when no use was recorded within the last minute (nor later: it never moves back).
        .and(API_KEYS.LAST_USED_AT.isNull()
            .or(API_KEYS.LAST_USED_AT.le(SqlTime.utc(now.minus(WorkspaceApiKey.LAST_USE_RESOLUTION)))))
        .execute();
  }

  /** Revokes the keys {@code which} selects that are not revoked yet; returns how many. */
  private int revokeWhere(Condition which, Instant at) {
    return transactions.dsl().update(API_KEYS)
        .set(API_KEYS.REVOKED_AT, SqlTime.utc(Timestamps.micros(at)))
        .where(which)
        .and(API_KEYS.REVOKED_AT.isNull())
        .execute();
  }

  static WorkspaceApiKey toKey(ApiKeysRecord row) {
    return new WorkspaceApiKey(
        new ApiKeyId(row.getId()),
        WorkspaceId.of(row.getWorkspaceId()),
        new ApiKeyName(row.getName()),
        Role.valueOf(row.getRole()),
        AccountId.of(row.getCreatedBy()),
        row.getCreatedAt().toInstant(),
        Optional.ofNullable(row.getLastUsedAt()).map(OffsetDateTime::toInstant),
        Optional.ofNullable(row.getRevokedAt()).map(OffsetDateTime::toInstant));
  }
}
