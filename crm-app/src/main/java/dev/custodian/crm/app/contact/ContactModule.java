package dev.custodian.crm.app.contact;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.contact.port.in.ContactUseCases;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.contact.port.out.SuppressionList;
import dev.custodian.crm.core.contact.service.ContactServices;
import dev.custodian.crm.core.tenancy.WorkspaceTransactions;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.contact.ContactApi;
import dev.custodian.crm.persistence.JooqPersistence;
import dev.custodian.crm.persistence.contact.JooqContactStores;
import java.time.Clock;

/** Wiring: the contact feature, from its table to its routes. */
public final class ContactModule extends AbstractModule {

  @Provides
  @Singleton
  ContactRepository contacts(JooqPersistence persistence) {
    return JooqContactStores.contacts(persistence);
  }

  @Provides
  @Singleton
  ContactUseCases useCases(WorkspaceTransactions transactions, ContactRepository contacts,
      SuppressionList suppressionList, IdGenerator ids, Clock clock) {
    return ContactServices.create(transactions, contacts, suppressionList, ids, clock);
  }

  @ProvidesIntoSet
  RouteGroup routes(ContactUseCases useCases) {
    return ContactApi.routes(useCases);
  }
}
