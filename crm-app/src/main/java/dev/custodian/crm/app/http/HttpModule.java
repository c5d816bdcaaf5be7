package dev.custodian.crm.app.http;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.custodian.crm.core.contact.port.in.CreateContactUseCase;
import dev.custodian.crm.core.contact.port.in.DeleteContactUseCase;
import dev.custodian.crm.core.contact.port.in.GetContactUseCase;
import dev.custodian.crm.core.contact.port.in.ListContactsUseCase;
import dev.custodian.crm.core.contact.port.in.UpdateContactUseCase;
import dev.custodian.crm.core.tenant.port.in.CreateWorkspaceUseCase;
import dev.custodian.crm.core.tenant.port.in.GetWorkspaceUseCase;
import dev.custodian.crm.http.HttpApi;
import dev.custodian.crm.http.contact.ContactRoutes;
import dev.custodian.crm.http.erasure.ErasureRoutes;
import dev.custodian.crm.privacy.erasure.port.in.EraseContactUseCase;
import dev.custodian.crm.privacy.erasure.port.in.ListErasureReceiptsUseCase;
import io.javalin.Javalin;

/** Wiring: the HTTP API over the use cases, unstarted. */
public final class HttpModule extends AbstractModule {

  private final long maxRequestBytes;

  public HttpModule(long maxRequestBytes) {
    this.maxRequestBytes = maxRequestBytes;
  }

  @Provides
  @Singleton
  HttpApi.UseCases useCases(CreateWorkspaceUseCase createWorkspace, GetWorkspaceUseCase getWorkspace,
      ContactRoutes.UseCases contacts, ErasureRoutes.UseCases erasure) {
    return new HttpApi.UseCases(createWorkspace, getWorkspace, contacts, erasure);
  }

  @Provides
  @Singleton
  ContactRoutes.UseCases contactUseCases(CreateContactUseCase create, GetContactUseCase get,
      ListContactsUseCase list, UpdateContactUseCase update, DeleteContactUseCase delete) {
    return new ContactRoutes.UseCases(create, get, list, update, delete);
  }

  @Provides
  @Singleton
  ErasureRoutes.UseCases erasureUseCases(EraseContactUseCase erase, ListErasureReceiptsUseCase list) {
    return new ErasureRoutes.UseCases(erase, list);
  }

  @Provides
  @Singleton
  Javalin http(HttpApi.UseCases useCases, HttpApi.Readiness readiness) {
    return HttpApi.create(useCases, readiness, maxRequestBytes);
  }
}
