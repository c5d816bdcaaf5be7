package dev.custodian.crm.core.workspace;

import java.time.Instant;
import java.util.Objects;

/** A workspace's lifecycle state, one type per state. */
public sealed interface WorkspaceStatus {

  /** In use. */
  record Active() implements WorkspaceStatus {}

  /** Cancelled by its owner; its data is kept for the export window, then purged. */
  record Cancelled(Instant cancelledAt) implements WorkspaceStatus {
    public Cancelled {
      Objects.requireNonNull(cancelledAt, "cancelledAt");
    }
  }

  /** Its workspace-owned data has been deleted; only the platform record remains. */
  record Purged() implements WorkspaceStatus {}

  WorkspaceStatus ACTIVE = new Active();
}
