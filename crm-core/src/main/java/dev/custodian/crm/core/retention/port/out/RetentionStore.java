package dev.custodian.crm.core.retention.port.out;

import dev.custodian.crm.core.retention.RetentionRun;
import dev.custodian.crm.core.retention.RetentionStep;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Out-port: what the retention engine counts and deletes, in batches, and the history of its
 * runs. Every call joins the open transaction and fails with {@link IllegalStateException} when
 * none is open: a workspace's steps in that workspace's transaction, the rest in a platform one.
 */
public interface RetentionStore {

  /**
   * The steps of a due workspace's purge, child first: every table of its data that ends with it
   * (the ones {@code WorkspacePurge} empties, in its order).
   */
  List<RetentionStep> workspaceSteps();

  /** The platform's steps whose rows expire by a time of their own (e.g. a mailed token's expiry). */
  List<RetentionStep> expirySteps();

  /**
   * The steps whose rows expire by a time of their own and are each a workspace's: worked workspace
   * by workspace, each batch in that workspace's transaction with the entries its step declares
   * ({@link RetentionStep#audited()}; a data-subject package undownloaded at its expiry as
   * {@code SUBJECT_PACKAGE_DELETED}), if any, on that workspace's chain.
   */
  List<RetentionStep> workspaceExpirySteps();

  /**
   * Up to {@code limit} workspaces having rows of a workspace expiry step expired by {@code now},
   * each with how many (in a platform transaction).
   */
  Map<WorkspaceId, Long> expiredByWorkspace(RetentionStep step, Instant now, int limit);

  /**
   * Deletes up to {@code limit} of the workspace's rows of a workspace expiry step expired by
   * {@code now} (in its transaction), skipping any another transaction holds.
   *
   * @return the ids of the rows deleted
   */
  List<UUID> deleteExpired(WorkspaceId workspace, RetentionStep step, Instant now, int limit);

  /** The workspace's rows of {@code step} (in its transaction). */
  long countWorkspaceRows(WorkspaceId workspace, RetentionStep step);

  /**
   * Deletes up to {@code limit} of the workspace's rows of {@code step} (in its transaction); the
   * store refuses, deleting nothing, unless the workspace is CANCELLED with its {@code purgeAt} at
   * or before {@code now}.
   *
   * @return the rows deleted
   * @throws IllegalStateException when the workspace is not due
   */
  long deleteWorkspaceRows(WorkspaceId workspace, RetentionStep step, Instant now, int limit);

  /** The rows of an expiry step (of either kind) whose time has come by {@code now}, in a platform transaction. */
  long countExpired(RetentionStep step, Instant now);

  /** Deletes up to {@code limit} rows of an expiry step whose time has come by {@code now}, skipping any another transaction holds. */
  long deleteExpired(RetentionStep step, Instant now, int limit);

  /**
   * Adds {@code rows} to what the workspace's purge has deleted so far from {@code table}, kept
   * with the workspace's data (it goes with the purge's last step): a purge spread over several
   * runs is audited once, with every row it deleted.
   */
  void addProgress(WorkspaceId workspace, String table, long rows);

  /** What the workspace's purge has deleted so far, per table (in its transaction). */
  Map<String, Long> progress(WorkspaceId workspace);

  /** Records a run's start. */
  void startRun(UUID run, Instant startedAt);

  /** Adds {@code rows} deleted of {@code dataClass} to the run's counts, in the batch's transaction. */
  void recordBatch(UUID run, String dataClass, long rows);

  /** Records a run's end and the workspaces it made PURGED. */
  void finishRun(UUID run, Instant finishedAt, int workspacesPurged);

  /** Up to {@code limit} runs, the latest first. */
  List<RetentionRun> runs(int limit);
}
