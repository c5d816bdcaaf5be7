package dev.custodian.crm.app.workspace;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.tenancy.WorkspaceDirectory;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.workspace.port.in.WorkspaceUseCases;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import dev.custodian.crm.core.workspace.service.WorkspaceServices;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.workspace.WorkspaceApi;
import dev.custodian.crm.persistence.JooqPersistence;
import dev.custodian.crm.persistence.workspace.JooqWorkspaceStores;
import java.time.Clock;

/** Wiring: the workspace feature, from its table to its routes; it is also the workspace directory. */
public final class WorkspaceModule extends AbstractModule {

  @Provides
  @Singleton
  WorkspaceRepository workspaces(JooqPersistence persistence) {
    return JooqWorkspaceStores.workspaces(persistence);
  }

  @Provides
  WorkspaceDirectory directory(WorkspaceRepository workspaces) {
    return workspaces;
  }

  @Provides
  @Singleton
  WorkspaceUseCases useCases(
      Transactions transactions, WorkspaceRepository workspaces, IdGenerator ids, Clock clock) {
    return WorkspaceServices.create(transactions, workspaces, ids, clock);
  }

  @ProvidesIntoSet
  RouteGroup routes(WorkspaceUseCases useCases) {
    return WorkspaceApi.routes(useCases);
  }
}
