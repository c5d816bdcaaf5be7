package dev.custodian.crm.core.tenancy;

import java.util.function.Supplier;

/**
 * Out-port: the unit of work. A use case is one transaction and opens it here; repositories join
 * the open transaction and fail with {@link IllegalStateException} when none is open, so no
 * repository call ever runs in autocommit.
 *
 * <p>An exception thrown by the work rolls back everything it wrote and propagates unchanged.
 */
public interface Transactions {

  /**
   * Runs {@code work} in a transaction bound to one workspace: workspace-owned data of that workspace
   * only (and platform tables) is visible. A nested call for the same workspace joins the open
   * transaction; a nested call for another workspace fails with {@link IllegalStateException}.
   */
  <T> T inWorkspace(WorkspaceId workspace, Supplier<T> work);

  /**
   * As {@link #inWorkspace}, but every statement of the transaction reads one snapshot: the
   * database's {@code REPEATABLE READ}, set before the transaction's first statement (before the
   * workspace is bound), for a long read whose parts must belong to one instant (an export). It
   * opens a transaction of its own: called while one is open on this thread, it fails with
   * {@link IllegalStateException} (a snapshot cannot join a transaction that has read already).
   */
  <T> T inWorkspaceSnapshot(WorkspaceId workspace, Supplier<T> work);

  /**
   * Runs {@code work} in a transaction for platform-level data (workspaces; later accounts and
   * sessions), with no workspace bound: workspace-owned tables show no rows. Nested inside any open
   * transaction, it joins it.
   */
  <T> T inPlatform(Supplier<T> work);
}
