package dev.custodian.crm.app.workspace;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.custodian.crm.core.workspace.port.in.WorkspaceUseCases;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.workspace.WorkspaceApi;
import dev.custodian.crm.privacy.Custodian;

/** Wiring: the workspace feature, its use cases from {@link Custodian} and its routes. */
public final class WorkspaceModule extends AbstractModule {

  @Provides
  WorkspaceUseCases useCases(Custodian custodian) {
    return custodian.workspaces();
  }

  @ProvidesIntoSet
  RouteGroup routes(WorkspaceUseCases useCases) {
    return WorkspaceApi.routes(useCases);
  }
}
