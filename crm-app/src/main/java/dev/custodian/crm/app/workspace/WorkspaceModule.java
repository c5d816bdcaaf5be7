package dev.custodian.crm.app.workspace;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.port.out.Transactions;
import dev.custodian.crm.core.tenant.port.in.CreateWorkspaceUseCase;
import dev.custodian.crm.core.tenant.port.in.GetWorkspaceUseCase;
import dev.custodian.crm.core.tenant.port.out.WorkspaceRepository;
import dev.custodian.crm.core.tenant.service.CreateWorkspaceService;
import dev.custodian.crm.core.tenant.service.GetWorkspaceService;
import dev.custodian.crm.core.tenant.service.WorkspaceTransactions;
import java.time.Clock;

/** Wiring: the workspace use cases, the workspace-scoped transactions, and the clock and id generator all share. */
public final class WorkspaceModule extends AbstractModule {

  @Provides
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Provides
  @Singleton
  IdGenerator ids() {
    return IdGenerator.random();
  }

  @Provides
  @Singleton
  CreateWorkspaceUseCase createWorkspace(
      Transactions transactions, WorkspaceRepository workspaces, IdGenerator ids, Clock clock) {
    return new CreateWorkspaceService(transactions, workspaces, ids, clock);
  }

  /** How every use case on tenant-owned data opens its transaction. */
  @Provides
  @Singleton
  WorkspaceTransactions workspaceTransactions(Transactions transactions, WorkspaceRepository workspaces) {
    return new WorkspaceTransactions(transactions, workspaces);
  }

  @Provides
  @Singleton
  GetWorkspaceUseCase getWorkspace(Transactions transactions, WorkspaceRepository workspaces) {
    return new GetWorkspaceService(transactions, workspaces);
  }
}
