package dev.custodian.crm.core.retention;

import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a run of the retention engine did, or would do: the clock's instant it judged by, the rows
 * per workspace and step (found due by a dry run; deleted by a real one, which also names its run
 * in the history and the workspaces it made PURGED).
 */
public record RetentionReport(Optional<UUID> run, Instant at, List<DueRows> rows, List<WorkspaceId> purged) {

  public RetentionReport {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(at, "at");
    rows = List.copyOf(rows);
    purged = List.copyOf(purged);
  }

  public boolean dryRun() {
    return run.isEmpty();
  }

  /** The rows per data class, in the order the run met them. */
  public Map<String, Long> totals() {
    Map<String, Long> totals = new LinkedHashMap<>();
    for (DueRows due : rows) {
      totals.merge(due.step().dataClass(), due.rows(), Long::sum);
    }
    return totals;
  }

  /** Every row, summed. */
  public long total() {
    return rows.stream().mapToLong(DueRows::rows).sum();
  }
}
