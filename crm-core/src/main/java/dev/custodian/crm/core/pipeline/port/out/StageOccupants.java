package dev.custodian.crm.core.pipeline.port.out;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.pipeline.Stage;
import dev.custodian.crm.core.pipeline.StageId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;

/**
 * Out-port, the seam of the stores whose rows stand in a stage (deals today). Deleting a stage
 * asks each whether it holds any, and moves them on when the caller names a stage to move them to,
 * in the delete's transaction; a new kind of record that stands in stages plugs in here without
 * changing the pipeline use cases. Joins the caller's transaction, scoped to the workspace.
 */
public interface StageOccupants {

  /** Whether any of the workspace's rows stands in {@code stage}. */
  boolean anyIn(WorkspaceId workspace, StageId stage);

  /**
   * Moves every row of the workspace standing in {@code from} to {@code to} (a stage of the same
   * pipeline), each as a change of its own made at {@code at} for {@code actor}; or a microsecond
   * after the row's last change, if that is later (a change that committed while this waited for
   * the stage), so a row's history keeps the order its changes committed in.
   *
   * @return how many rows moved
   */
  int moveAll(WorkspaceId workspace, Stage from, Stage to, Instant at, AccountId actor);
}
