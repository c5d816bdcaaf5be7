package dev.custodian.crm.http.contact;

import dev.custodian.crm.core.contact.port.in.ContactUseCases;
import dev.custodian.crm.http.RouteGroup;

/** HTTP adapter, the contact feature's entry: its routes over its use cases. */
public final class ContactApi {

  private ContactApi() {}

  public static RouteGroup routes(ContactUseCases useCases) {
    return new ContactRoutes(useCases);
  }
}
