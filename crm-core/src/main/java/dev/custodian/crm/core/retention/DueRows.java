package dev.custodian.crm.core.retention;

import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.Optional;

/**
 * Rows a run found due (a dry run) or deleted (a real one) in one step: of one workspace, or of
 * the platform ({@code workspace} empty) for an expiry step.
 */
public record DueRows(Optional<WorkspaceId> workspace, RetentionStep step, long rows) {

  public DueRows {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(step, "step");
    if (rows < 0) {
      throw new IllegalArgumentException("a count is not negative");
    }
  }
}
