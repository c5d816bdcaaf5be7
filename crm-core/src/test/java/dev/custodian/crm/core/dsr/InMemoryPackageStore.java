package dev.custodian.crm.core.dsr;

import dev.custodian.crm.core.common.InMemoryTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.dsr.port.out.PackageStore;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * In-memory fake of {@link PackageStore}; passes the same contract as the jOOQ adapter. Its
 * chunks are readable for tests that prove a package is gone.
 */
public final class InMemoryPackageStore implements PackageStore {

  private record Row(WorkspaceId workspace, UUID id, UUID requestId, Instant expiresAt, String tokenHash,
      Instant claimedAt) {}

  private record ChunkKey(WorkspaceId workspace, UUID packageId, int sequence) {}

  private final InMemoryTable<UUID, Row> packages;
  private final InMemoryTable<ChunkKey, byte[]> chunks;

  private final InMemoryTransactions transactions;

  public InMemoryPackageStore(InMemoryTransactions transactions) {
    this.transactions = transactions;
    this.packages = transactions.newTable();
    this.chunks = transactions.newTable();
  }

  /** How many chunks the store holds, of every workspace. */
  public int chunkCount() {
    return chunks.rows().size();
  }

  @Override
  public void create(WorkspaceId workspace, UUID packageId, UUID requestId, Instant createdAt, Instant expiresAt) {
    if (packages.rows().putIfAbsent(packageId, new Row(workspace, packageId, requestId, expiresAt, null, null)) != null) {
      throw new IllegalStateException("a package with this id exists");
    }
  }

  @Override
  public void appendChunk(WorkspaceId workspace, UUID packageId, int sequence, byte[] data) {
    if (own(workspace, packageId).isEmpty()) {
      throw new IllegalStateException("no such package in this workspace");
    }
    chunks.rows().put(new ChunkKey(workspace, packageId, sequence), data.clone());
  }

  @Override
  public boolean setTokenHash(WorkspaceId workspace, UUID packageId, String tokenHash, Instant now) {
    Optional<Row> row = own(workspace, packageId)
        .filter(r -> r.claimedAt() == null && r.expiresAt().isAfter(now));
    row.ifPresent(r -> packages.rows().put(packageId,
        new Row(r.workspace(), r.id(), r.requestId(), r.expiresAt(), tokenHash, null)));
    return row.isPresent();
  }

  @Override
  public Optional<Claim> claim(String tokenHash, Instant now) {
    Optional<Row> row = packages.rows().values().stream()
        .filter(r -> tokenHash.equals(r.tokenHash()) && r.claimedAt() == null && r.expiresAt().isAfter(now))
        .findFirst();
    return row.map(r -> {
      packages.rows().put(r.id(), new Row(r.workspace(), r.id(), r.requestId(), r.expiresAt(), r.tokenHash(), now));
      return new Claim(r.workspace(), r.id(), r.requestId());
    });
  }

  @Override
  public Optional<byte[]> chunk(WorkspaceId workspace, UUID packageId, int sequence) {
    requireBound(workspace);
    return Optional.ofNullable(chunks.rows().get(new ChunkKey(workspace, packageId, sequence))).map(byte[]::clone);
  }

  @Override
  public boolean delete(WorkspaceId workspace, UUID packageId) {
    if (own(workspace, packageId).isEmpty()) {
      return false;
    }
    chunks.rows().keySet().removeIf(k -> k.workspace().equals(workspace) && k.packageId().equals(packageId));
    packages.rows().remove(packageId);
    return true;
  }

  /** As row-level security: a workspace's chunks only in that workspace's transaction. */
  private void requireBound(WorkspaceId workspace) {
    if (!transactions.boundWorkspace().map(workspace::equals).orElse(false)) {
      throw new IllegalStateException("no transaction of this workspace is open");
    }
  }

  private Optional<Row> own(WorkspaceId workspace, UUID packageId) {
    requireBound(workspace);
    Map<UUID, Row> rows = packages.rows();
    return Optional.ofNullable(rows.get(packageId)).filter(r -> r.workspace().equals(workspace));
  }
}
