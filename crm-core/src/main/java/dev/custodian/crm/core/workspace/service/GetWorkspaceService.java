package dev.custodian.crm.core.workspace.service;

import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.workspace.Workspace;
import dev.custodian.crm.core.workspace.port.in.GetWorkspaceUseCase;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import java.util.Objects;

/** Service: reads one workspace. */
public final class GetWorkspaceService implements GetWorkspaceUseCase {

  private final Transactions transactions;
  private final WorkspaceRepository workspaces;

  public GetWorkspaceService(Transactions transactions, WorkspaceRepository workspaces) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
  }

  @Override
  public Workspace get(WorkspaceId id) {
    return transactions.inPlatform(
        () -> workspaces.findById(id).orElseThrow(() -> new NotFoundException("workspace")));
  }
}
