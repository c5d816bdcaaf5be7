package dev.custodian.crm.persistence.workspace;

import dev.custodian.crm.core.workspace.port.out.WorkspacePurge;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import dev.custodian.crm.persistence.common.JooqTransactions;
import java.util.List;

/** Persistence adapter, the workspace feature's entry: its repository over the adapter's {@link JooqTransactions}. */
public final class JooqWorkspaceStores {

  private JooqWorkspaceStores() {}

  public static WorkspaceRepository workspaces(JooqTransactions transactions) {
    return new JooqWorkspaceRepository(transactions);
  }

  public static WorkspacePurge purge(JooqTransactions transactions) {
    return new JooqWorkspacePurge(transactions);
  }

  /** The tables a workspace's purge empties, in its order (the retention engine's steps). */
  public static List<String> purgeOrder() {
    return JooqWorkspacePurge.purgeOrder();
  }

  /** Of {@link #purgeOrder()}, the append-only tables, emptied through {@code crm_purge_append_only}. */
  public static List<String> appendOnlyTables() {
    return JooqWorkspacePurge.APPEND_ONLY_TABLES;
  }

  /** Of {@link #purgeOrder()}, the platform tables, naming the workspace in {@code workspace_id}. */
  public static List<String> platformTables() {
    return JooqWorkspacePurge.platformTables();
  }
}
