package dev.custodian.crm.core.workspace.service;

import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.workspace.port.in.WorkspaceUseCases;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import java.time.Clock;

/** Factory: the workspace use cases over their out-ports. */
public final class WorkspaceServices {

  private WorkspaceServices() {}

  public static WorkspaceUseCases create(
      Transactions transactions, WorkspaceRepository workspaces, IdGenerator ids, Clock clock) {
    return new WorkspaceUseCases(
        new CreateWorkspaceService(transactions, workspaces, ids, clock),
        new GetWorkspaceService(transactions, workspaces));
  }
}
