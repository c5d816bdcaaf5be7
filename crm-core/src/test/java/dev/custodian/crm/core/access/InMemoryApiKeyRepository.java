package dev.custodian.crm.core.access;

import dev.custodian.crm.core.access.port.out.ApiKeyRepository;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.InMemoryPaging;
import dev.custodian.crm.core.common.InMemoryTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Test fake: {@link ApiKeyRepository} in memory; passes the same contract as the jOOQ adapter. Its
 * rows are readable, for tests that look for a key in clear.
 */
public final class InMemoryApiKeyRepository implements ApiKeyRepository {

  /** A stored key, as the table holds it: its token's hash, never the token. */
  public record Row(WorkspaceApiKey key, String tokenHash) {}

  private final InMemoryTable<ApiKeyId, Row> table;

  public InMemoryApiKeyRepository(InMemoryTransactions transactions) {
    this.table = transactions.newTable();
  }

  /** Every stored row, for the open transaction. */
  public List<Row> rows() {
    return List.copyOf(table.rows().values());
  }

  @Override
  public void insert(WorkspaceApiKey key, String tokenHash) {
    Objects.requireNonNull(tokenHash, "tokenHash");
    if (table.rows().values().stream().anyMatch(row -> row.tokenHash().equals(tokenHash))) {
      throw new IllegalStateException("a key with this hash is already stored");
    }
    if (table.rows().putIfAbsent(key.id(), new Row(key, tokenHash)) != null) {
      throw new IllegalStateException("a key with this id is already stored");
    }
  }

  @Override
  public Optional<WorkspaceApiKey> findByTokenHash(String tokenHash) {
    return table.rows().values().stream().filter(row -> row.tokenHash().equals(tokenHash)).map(Row::key).findFirst();
  }

  @Override
  public Page<WorkspaceApiKey> list(WorkspaceId workspace, PageRequest page) {
    return InMemoryPaging.page(
        table.rows().values().stream().map(Row::key)
            .filter(k -> k.workspace().equals(workspace) && k.revokedAt().isEmpty()),
        WorkspaceApiKey::createdAt, k -> k.id().value(), page);
  }

  @Override
  public boolean revoke(WorkspaceId workspace, ApiKeyId id, Instant at) {
    Row row = table.rows().get(id);
    if (row == null || !row.key().workspace().equals(workspace) || row.key().revokedAt().isPresent()) {
      return false;
    }
    table.rows().put(id, revoked(row, at));
    return true;
  }

  @Override
  public int revokeAllOf(WorkspaceId workspace, AccountId creator, Instant at) {
    int[] count = {0};
    table.rows().replaceAll((id, row) -> {
      WorkspaceApiKey key = row.key();
      if (!key.workspace().equals(workspace) || !key.createdBy().equals(creator) || key.revokedAt().isPresent()) {
        return row;
      }
      count[0]++;
      return revoked(row, at);
    });
    return count[0];
  }

  @Override
  public void recordUse(ApiKeyId id, Instant at) {
    Instant now = Timestamps.micros(at);
    table.rows().computeIfPresent(id, (key, row) -> {
      WorkspaceApiKey k = row.key();
      boolean recent = k.lastUsedAt()
          .filter(last -> last.isAfter(now.minus(WorkspaceApiKey.LAST_USE_RESOLUTION))).isPresent();
      return recent ? row : new Row(new WorkspaceApiKey(k.id(), k.workspace(), k.name(), k.role(), k.createdBy(),
          k.createdAt(), Optional.of(now), k.revokedAt()), row.tokenHash());
    });
  }

  private static Row revoked(Row row, Instant at) {
    WorkspaceApiKey k = row.key();
    return new Row(new WorkspaceApiKey(k.id(), k.workspace(), k.name(), k.role(), k.createdBy(), k.createdAt(),
        k.lastUsedAt(), Optional.of(Objects.requireNonNull(at, "at"))), row.tokenHash());
  }
}
