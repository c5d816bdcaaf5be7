package dev.custodian.crm.core.imports;

import java.util.Locale;

/** Where an import job stands; the last three are final. */
public enum ImportState {
  /** Staged, waiting for a worker (or for the workspace's earlier job). */
  QUEUED,
  /** A worker has run at least one batch. */
  RUNNING,
  /** Every staged row was counted. */
  COMPLETED,
  /** A batch failed three times for a reason other than its rows; the rows left were dropped. */
  FAILED,
  /** Cancelled by a member; the rows left were dropped. */
  CANCELLED;

  public boolean isFinal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
