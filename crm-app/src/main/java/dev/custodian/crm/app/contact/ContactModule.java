package dev.custodian.crm.app.contact;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.custodian.crm.core.contact.port.in.ContactUseCases;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.contact.ContactApi;
import dev.custodian.crm.privacy.Custodian;

/** Wiring: the contact feature, its use cases from {@link Custodian} and its routes. */
public final class ContactModule extends AbstractModule {

  @Provides
  ContactUseCases useCases(Custodian custodian) {
    return custodian.contacts();
  }

  @ProvidesIntoSet
  RouteGroup routes(ContactUseCases useCases, Custodian custodian) {
    return ContactApi.routes(useCases, custodian.consent().ledger());
  }
}
