package dev.custodian.crm.persistence.dsr;

import static dev.custodian.crm.persistence.generated.Tables.DSR_PACKAGES;
import static dev.custodian.crm.persistence.generated.Tables.DSR_PACKAGE_CHUNKS;

import dev.custodian.crm.core.dsr.port.out.PackageStore;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.SqlTime;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Persistence adapter: {@link PackageStore} on the platform-level {@code dsr_packages} and the
 * tenant-owned {@code dsr_package_chunks} (V28).
 */
final class JooqPackageStore implements PackageStore {

  private final JooqTransactions transactions;

  JooqPackageStore(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void create(WorkspaceId workspace, UUID packageId, UUID requestId, Instant createdAt, Instant expiresAt) {
    transactions.dsl(workspace).insertInto(DSR_PACKAGES)
        .set(DSR_PACKAGES.ID, packageId)
        .set(DSR_PACKAGES.WORKSPACE_ID, workspace.value())
        .set(DSR_PACKAGES.REQUEST_ID, requestId)
        .set(DSR_PACKAGES.CREATED_AT, SqlTime.utc(createdAt))
        .set(DSR_PACKAGES.EXPIRES_AT, SqlTime.utc(expiresAt))
        .execute();
  }

  @Override
  public void appendChunk(WorkspaceId workspace, UUID packageId, int sequence, byte[] data) {
    transactions.dsl(workspace).insertInto(DSR_PACKAGE_CHUNKS)
        .set(DSR_PACKAGE_CHUNKS.TENANT_ID, workspace.value())
        .set(DSR_PACKAGE_CHUNKS.PACKAGE_ID, packageId)
        .set(DSR_PACKAGE_CHUNKS.SEQUENCE, sequence)
        .set(DSR_PACKAGE_CHUNKS.DATA, data)
        .execute();
  }

  @Override
  public boolean setTokenHash(WorkspaceId workspace, UUID packageId, String tokenHash, Instant now) {
    return transactions.dsl(workspace).update(DSR_PACKAGES)
        .set(DSR_PACKAGES.TOKEN_HASH, tokenHash)
        .where(DSR_PACKAGES.ID.eq(packageId))
        .and(DSR_PACKAGES.WORKSPACE_ID.eq(workspace.value()))
        .and(DSR_PACKAGES.CLAIMED_AT.isNull())
        .and(DSR_PACKAGES.EXPIRES_AT.gt(SqlTime.utc(now)))
        .execute() == 1;
  }

  @Override
  public Optional<Claim> claim(String tokenHash, Instant now) {
    // One conditional update: of two concurrent claims the second waits for the first's row lock,
    // then finds claimed_at set and changes nothing.
    return transactions.dsl().update(DSR_PACKAGES)
        .set(DSR_PACKAGES.CLAIMED_AT, SqlTime.utc(now))
        .where(DSR_PACKAGES.TOKEN_HASH.eq(tokenHash))
        .and(DSR_PACKAGES.CLAIMED_AT.isNull())
        .and(DSR_PACKAGES.EXPIRES_AT.gt(SqlTime.utc(now)))
        .returning(DSR_PACKAGES.WORKSPACE_ID, DSR_PACKAGES.ID, DSR_PACKAGES.REQUEST_ID)
        .fetchOptional(r -> new Claim(WorkspaceId.of(r.getWorkspaceId()), r.getId(), r.getRequestId()));
  }

  @Override
  public Optional<byte[]> chunk(WorkspaceId workspace, UUID packageId, int sequence) {
    return transactions.dsl(workspace).select(DSR_PACKAGE_CHUNKS.DATA).from(DSR_PACKAGE_CHUNKS)
        .where(DSR_PACKAGE_CHUNKS.TENANT_ID.eq(workspace.value()))
        .and(DSR_PACKAGE_CHUNKS.PACKAGE_ID.eq(packageId))
        .and(DSR_PACKAGE_CHUNKS.SEQUENCE.eq(sequence))
        .fetchOptional(DSR_PACKAGE_CHUNKS.DATA);
  }

  @Override
  public boolean delete(WorkspaceId workspace, UUID packageId) {
    DSLContext dsl = transactions.dsl(workspace);
    int owned = dsl.fetchCount(DSR_PACKAGES,
        DSR_PACKAGES.ID.eq(packageId).and(DSR_PACKAGES.WORKSPACE_ID.eq(workspace.value())));
    if (owned == 0) {
      return false;
    }
    dsl.deleteFrom(DSR_PACKAGE_CHUNKS)
        .where(DSR_PACKAGE_CHUNKS.TENANT_ID.eq(workspace.value()))
        .and(DSR_PACKAGE_CHUNKS.PACKAGE_ID.eq(packageId))
        .execute();
    return dsl.deleteFrom(DSR_PACKAGES)
        .where(DSR_PACKAGES.ID.eq(packageId))
        .and(DSR_PACKAGES.WORKSPACE_ID.eq(workspace.value()))
        .execute() == 1;
  }
}
