package dev.custodian.crm.core.workspace;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A workspace's lifecycle state, one type per state. */
public sealed interface WorkspaceStatus {

  /** How long a cancelled workspace stays readable before it is purged (DSR-05, RET-02). */
  Duration READ_ONLY_WINDOW = Duration.ofDays(30);

  /** In use. */
  record Active() implements WorkspaceStatus {}

  /**
   * Cancelled by its owner; its data stays readable (not writable) until {@code purgeAt}, then is
   * purged.
   */
  record Cancelled(Instant cancelledAt, Instant purgeAt) implements WorkspaceStatus {
    public Cancelled {
      Objects.requireNonNull(cancelledAt, "cancelledAt");
      Objects.requireNonNull(purgeAt, "purgeAt");
      if (purgeAt.isBefore(cancelledAt)) {
        throw new IllegalArgumentException("purgeAt comes after cancelledAt");
      }
    }

    /** Cancelled at {@code now}, purged after the {@link #READ_ONLY_WINDOW}. */
    public static Cancelled at(Instant now) {
      return new Cancelled(now, now.plus(READ_ONLY_WINDOW));
    }

    /** Whether its purge is due at {@code now}. */
    public boolean purgeDueAt(Instant now) {
      return !now.isBefore(purgeAt);
    }
  }

  /** Its workspace-owned data has been deleted; only the platform record remains. */
  record Purged() implements WorkspaceStatus {}

  WorkspaceStatus ACTIVE = new Active();
}
