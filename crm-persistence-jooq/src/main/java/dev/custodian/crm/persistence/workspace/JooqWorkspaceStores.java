package dev.custodian.crm.persistence.workspace;

import dev.custodian.crm.core.workspace.port.out.WorkspacePurge;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import dev.custodian.crm.persistence.common.JooqTransactions;

/** Persistence adapter, the workspace feature's entry: its repository over the adapter's {@link JooqTransactions}. */
public final class JooqWorkspaceStores {

  private JooqWorkspaceStores() {}

  public static WorkspaceRepository workspaces(JooqTransactions transactions) {
    return new JooqWorkspaceRepository(transactions);
  }

  public static WorkspacePurge purge(JooqTransactions transactions) {
    return new JooqWorkspacePurge(transactions);
  }
}
