package dev.custodian.crm.http.contact;

import dev.custodian.crm.core.consent.port.in.ConsentUseCases;
import dev.custodian.crm.core.contact.port.in.ContactUseCases;
import dev.custodian.crm.http.RouteGroup;

/** HTTP adapter, the contact feature's entry: its routes over its use cases. */
public final class ContactApi {

  private ContactApi() {}

  /** @param consent the ledger's use cases, for the list's {@code eligibleFor} (the contacts a purpose allows) */
  public static RouteGroup routes(ContactUseCases useCases, ConsentUseCases.Ledger consent) {
    return new ContactRoutes(useCases, consent);
  }
}
