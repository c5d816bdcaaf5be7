package dev.custodian.crm.app.http;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.custodian.crm.core.tenant.port.in.CreateWorkspaceUseCase;
import dev.custodian.crm.core.tenant.port.in.GetWorkspaceUseCase;
import dev.custodian.crm.http.HttpApi;
import io.javalin.Javalin;

/** Wiring: the HTTP API over the use cases, unstarted. */
public final class HttpModule extends AbstractModule {

  private final long maxRequestBytes;

  public HttpModule(long maxRequestBytes) {
    this.maxRequestBytes = maxRequestBytes;
  }

  @Provides
  @Singleton
  HttpApi.UseCases useCases(CreateWorkspaceUseCase createWorkspace, GetWorkspaceUseCase getWorkspace) {
    return new HttpApi.UseCases(createWorkspace, getWorkspace);
  }

  @Provides
  @Singleton
  Javalin http(HttpApi.UseCases useCases, HttpApi.Readiness readiness) {
    return HttpApi.create(useCases, readiness, maxRequestBytes);
  }
}
