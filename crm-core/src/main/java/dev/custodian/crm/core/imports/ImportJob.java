package dev.custodian.crm.core.imports;

import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An import: one file's rows for one workspace, its options, where it stands and its counts. It
 * holds no value of the file (its rows are staged apart and deleted as they are counted).
 *
 * @param fields the file's mapped columns, in the order of each staged row's cells: built-in
 *     fields by their export names, custom ones as {@code custom.<key>}
 * @param finishedAt when it became COMPLETED, FAILED or CANCELLED
 */
public record ImportJob(WorkspaceId workspace, ImportJobId id, ImportObject object, DuplicateMode onDuplicate,
    List<String> fields, ImportState state, ImportCounts counts, Instant createdAt, Instant updatedAt,
    Optional<Instant> finishedAt) {

  public ImportJob {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(onDuplicate, "onDuplicate");
    fields = List.copyOf(fields);
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    if (fields.isEmpty() || new HashSet<>(fields).size() != fields.size()) {
      throw new IllegalArgumentException("a job maps its columns to distinct fields");
    }
    if (state.isFinal() != finishedAt.isPresent()) {
      throw new IllegalArgumentException("a job has finished exactly when its state is final");
    }
  }

  /** A new job, queued, having staged {@code rowsRead} rows. */
  public static ImportJob queued(WorkspaceId workspace, ImportJobId id, ImportObject object, DuplicateMode onDuplicate,
      List<String> fields, long rowsRead, Instant now) {
    return new ImportJob(workspace, id, object, onDuplicate, fields, ImportState.QUEUED, ImportCounts.read(rowsRead),
        now, now, Optional.empty());
  }

  /** This job after a batch: running, with the batch's counts added. */
  public ImportJob afterBatch(long created, long updated, long skipped, long failed, Instant now) {
    return new ImportJob(workspace, id, object, onDuplicate, fields, ImportState.RUNNING,
        counts.plus(created, updated, skipped, failed), createdAt, now, Optional.empty());
  }

  /** This job ended in {@code state} (COMPLETED, FAILED or CANCELLED). */
  public ImportJob finished(ImportState state, Instant now) {
    if (!state.isFinal()) {
      throw new IllegalArgumentException("not a final state: " + state);
    }
    return new ImportJob(workspace, id, object, onDuplicate, fields, state, counts, createdAt, now, Optional.of(now));
  }

  /** The position of {@code field} among the row's cells; -1 when the file has no such column. */
  public int indexOf(String field) {
    return fields.indexOf(field);
  }
}
