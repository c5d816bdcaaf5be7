package dev.custodian.crm.core.dsr.port.out;

import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Out-port: where ACCESS and PORTABILITY packages wait for their download (issue 28, item 7). A
 * package is written as it is built, chunk by chunk (never whole in memory), and read back the
 * same way, so any instance serves it. A package's row (its workspace, expiry, token hash and
 * claim) is platform-level, so a download token alone finds it; its chunks are the workspace's.
 * Every method joins the caller's open transaction: the workspace's for those taking a
 * {@link WorkspaceId}, a platform one for {@link #claim}. An expired package is deleted by the
 * retention engine's expiry step ({@code RetentionStore}), not through this port.
 */
public interface PackageStore {

  /** Registers a new, empty package of {@code workspace} answering {@code requestId}. */
  void create(WorkspaceId workspace, UUID packageId, UUID requestId, Instant createdAt, Instant expiresAt);

  /** Stores the package's chunk number {@code sequence} (0, 1, 2 ...). */
  void appendChunk(WorkspaceId workspace, UUID packageId, int sequence, byte[] data);

  /**
   * Sets the package's download token (its SHA-256, hex), replacing an earlier one; false when the
   * package is not there, already claimed, or expired at {@code now}.
   */
  boolean setTokenHash(WorkspaceId workspace, UUID packageId, String tokenHash, Instant now);

  /**
   * Claims the package whose token has this hash for its one download: when it is unclaimed and
   * not expired at {@code now}, marks it claimed and answers where it is; empty otherwise. One conditional update decides, so of two concurrent claims one wins.
   */
  Optional<Claim> claim(String tokenHash, Instant now);

  /** The package's chunk number {@code sequence}; empty past its last chunk or for no such package. */
  Optional<byte[]> chunk(WorkspaceId workspace, UUID packageId, int sequence);

  /** Deletes the package and its chunks; false when it was already gone. */
  boolean delete(WorkspaceId workspace, UUID packageId);

  /** A claimed package: where it is, and the request it answers (its chunks are read in the workspace's transactions). */
  record Claim(WorkspaceId workspace, UUID packageId, UUID requestId) {
    public Claim {
      Objects.requireNonNull(workspace, "workspace");
      Objects.requireNonNull(packageId, "packageId");
      Objects.requireNonNull(requestId, "requestId");
    }
  }
}
