package dev.custodian.crm.persistence.workspace;

import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import dev.custodian.crm.persistence.JooqPersistence;

/** Persistence adapter, the workspace feature's entry: its repository over {@link JooqPersistence}. */
public final class JooqWorkspaceStores {

  private JooqWorkspaceStores() {}

  public static WorkspaceRepository workspaces(JooqPersistence persistence) {
    return new JooqWorkspaceRepository(persistence.transactions());
  }
}
