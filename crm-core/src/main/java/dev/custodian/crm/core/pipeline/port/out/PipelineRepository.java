package dev.custodian.crm.core.pipeline.port.out;

import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.pipeline.Pipeline;
import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Out-port: stores pipelines with their stages, each pipeline as one whole. Every method is scoped
 * to the given workspace (a call for workspace B never returns, changes or deletes a pipeline of
 * workspace A), joins the caller's open transaction, and fails with {@link IllegalStateException}
 * when none is open. A workspace's pipeline names are unique ignoring case
 * ({@link dev.custodian.crm.core.pipeline.PipelineName#key()}), and at most one is its default.
 */
public interface PipelineRepository {

  /**
   * Stores a new pipeline and its stages, first taking the workspace's pipeline-count lock, held
   * until the transaction ends: another transaction's insert waits for this one to end (see
   * {@link #count}).
   *
   * @throws ConflictException of kind {@code DUPLICATE} when its name is taken in the workspace, or
   *     when it is the default and the workspace has another default
   */
  void insert(Pipeline pipeline);

  Optional<Pipeline> findById(WorkspaceId workspace, PipelineId id);

  /** Every pipeline of the workspace with its stages, oldest first (created time, then id in uuid order). */
  List<Pipeline> list(WorkspaceId workspace);

  /**
   * How many pipelines the workspace has. After this transaction's {@link #insert}, which took the
   * workspace's pipeline-count lock, it counts every pipeline another transaction has committed, so
   * a use case that inserts and then counts cannot be raced past a limit.
   */
  int count(WorkspaceId workspace);

  /**
   * Replaces the stored pipeline and its stages (added, changed, moved, removed) with
   * {@code changed} if the stored version is still {@code expectedVersion}; a stale write changes
   * nothing.
   *
   * @return false when the pipeline is gone or its version is no longer {@code expectedVersion}
   * @throws ConflictException of kind {@code DUPLICATE} when the new name is taken, or when it
   *     becomes the default while another is
   */
  boolean update(Pipeline changed, long expectedVersion);

  /**
   * Makes the workspace's default pipeline, if it has one, no longer the default, at its next
   * version and {@code at}, so that another can become it in the same transaction.
   */
  void clearDefault(WorkspaceId workspace, Instant at);

  /**
   * Deletes the pipeline and its stages if it is still at {@code expectedVersion}.
   *
   * @return false when nothing was deleted
   */
  boolean delete(WorkspaceId workspace, PipelineId id, long expectedVersion);
}
