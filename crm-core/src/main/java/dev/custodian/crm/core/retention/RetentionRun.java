package dev.custodian.crm.core.retention;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A real run of the retention engine as its history keeps it: when it started, when it finished
 * (empty for a run that died or is still going; its batches' counts are kept all the same), how
 * many workspaces it made PURGED, and the rows it deleted per data class.
 */
public record RetentionRun(UUID id, Instant startedAt, Optional<Instant> finishedAt, int workspacesPurged,
    Map<String, Long> deleted) {

  public RetentionRun {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    deleted = Map.copyOf(deleted);
  }

  public long total() {
    return deleted.values().stream().mapToLong(Long::longValue).sum();
  }
}
