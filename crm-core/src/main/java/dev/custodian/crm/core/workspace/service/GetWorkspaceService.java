package dev.custodian.crm.core.workspace.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.workspace.Workspace;
import dev.custodian.crm.core.workspace.port.in.GetWorkspaceUseCase;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import java.util.Objects;

/** Service: reads one workspace, for a member only. */
public final class GetWorkspaceService implements GetWorkspaceUseCase {

  private final WorkspaceTransactions transactions;
  private final WorkspaceRepository workspaces;

  public GetWorkspaceService(WorkspaceTransactions transactions, WorkspaceRepository workspaces) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
  }

  @Override
  public Workspace get(Actor actor, WorkspaceId id) {
    return transactions.inWorkspace(id, actor, Permission.WORKSPACE_READ,
        () -> workspaces.findById(id).orElseThrow(() -> new NotFoundException("workspace")));
  }
}
