package dev.custodian.crm.app.contact;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.contact.port.in.CreateContactUseCase;
import dev.custodian.crm.core.contact.port.in.DeleteContactUseCase;
import dev.custodian.crm.core.contact.port.in.GetContactUseCase;
import dev.custodian.crm.core.contact.port.in.ListContactsUseCase;
import dev.custodian.crm.core.contact.port.in.UpdateContactUseCase;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.contact.service.CreateContactService;
import dev.custodian.crm.core.contact.service.DeleteContactService;
import dev.custodian.crm.core.contact.service.GetContactService;
import dev.custodian.crm.core.contact.service.ListContactsService;
import dev.custodian.crm.core.contact.service.UpdateContactService;
import dev.custodian.crm.core.privacy.port.out.SuppressionList;
import dev.custodian.crm.core.tenant.service.WorkspaceTransactions;
import java.time.Clock;

/** Wiring: the contact use cases. */
public final class ContactModule extends AbstractModule {

  @Provides
  @Singleton
  CreateContactUseCase create(WorkspaceTransactions transactions, ContactRepository contacts,
      SuppressionList suppressionList, IdGenerator ids, Clock clock) {
    return new CreateContactService(transactions, contacts, suppressionList, ids, clock);
  }

  @Provides
  @Singleton
  GetContactUseCase get(WorkspaceTransactions transactions, ContactRepository contacts) {
    return new GetContactService(transactions, contacts);
  }

  @Provides
  @Singleton
  ListContactsUseCase list(WorkspaceTransactions transactions, ContactRepository contacts) {
    return new ListContactsService(transactions, contacts);
  }

  @Provides
  @Singleton
  UpdateContactUseCase update(WorkspaceTransactions transactions, ContactRepository contacts,
      SuppressionList suppressionList, Clock clock) {
    return new UpdateContactService(transactions, contacts, suppressionList, clock);
  }

  @Provides
  @Singleton
  DeleteContactUseCase delete(WorkspaceTransactions transactions, ContactRepository contacts) {
    return new DeleteContactService(transactions, contacts);
  }
}
