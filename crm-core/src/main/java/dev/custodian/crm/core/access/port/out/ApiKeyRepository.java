package dev.custodian.crm.core.access.port.out;

import dev.custodian.crm.core.access.ApiKeyId;
import dev.custodian.crm.core.access.WorkspaceApiKey;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Optional;

/**
 * Out-port: API keys, platform-level access-control data. A key is only ever given and stored as
 * its {@code TokenHash}. Every method joins the caller's open transaction and fails with
 * {@link IllegalStateException} when none is open.
 */
public interface ApiKeyRepository {

  /** Stores a new key with the SHA-256 of its token. */
  void insert(WorkspaceApiKey key, String tokenHash);

  /** The key whose token has this hash, revoked or not. */
  Optional<WorkspaceApiKey> findByTokenHash(String tokenHash);

  /** One page of the workspace's keys that are not revoked, oldest first. */
  Page<WorkspaceApiKey> list(WorkspaceId workspace, PageRequest page);

  /** Revokes the workspace's key if it is not revoked yet; false otherwise. */
  boolean revoke(WorkspaceId workspace, ApiKeyId id, Instant at);

  /** Revokes every key of the workspace that {@code creator} made; returns how many. */
  int revokeAllOf(WorkspaceId workspace, AccountId creator, Instant at);

  /**
   * Records a use at {@code at} unless one was recorded less than
   * {@link WorkspaceApiKey#LAST_USE_RESOLUTION} before (so a busy key costs at most one write a minute).
   */
  void recordUse(ApiKeyId id, Instant at);
}
