package dev.custodian.crm.app.privacy;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.contact.service.ContactErasureParticipant;
import dev.custodian.crm.core.privacy.port.out.ErasureParticipant;
import dev.custodian.crm.core.privacy.port.out.ErasureReceiptRepository;
import dev.custodian.crm.core.privacy.port.out.KeyProvider;
import dev.custodian.crm.core.privacy.port.out.SuppressionEntryRepository;
import dev.custodian.crm.core.privacy.port.out.SuppressionList;
import dev.custodian.crm.core.tenant.service.WorkspaceTransactions;
import dev.custodian.crm.privacy.erasure.port.in.EraseContactUseCase;
import dev.custodian.crm.privacy.erasure.port.in.ListErasureReceiptsUseCase;
import dev.custodian.crm.privacy.erasure.service.EraseContactService;
import dev.custodian.crm.privacy.erasure.service.ListErasureReceiptsService;
import dev.custodian.crm.privacy.suppression.HashedSuppressionList;
import java.time.Clock;
import java.util.List;

/**
 * Wiring: erasure and the suppression list. Every store that holds a contact's personal data is
 * listed in {@link #participants}; a new one (activities, consent, messages) is added there.
 */
public final class PrivacyModule extends AbstractModule {

  @Provides
  @Singleton
  HashedSuppressionList hashedSuppressionList(SuppressionEntryRepository entries, KeyProvider keys) {
    return new HashedSuppressionList(entries, keys);
  }

  @Provides
  SuppressionList suppressionList(HashedSuppressionList hashed) {
    return hashed;
  }

  /** The erasure participants, in the order they run. */
  @Provides
  @Singleton
  List<ErasureParticipant> participants(ContactRepository contacts) {
    return List.of(new ContactErasureParticipant(contacts));
  }

  @Provides
  @Singleton
  EraseContactUseCase erase(WorkspaceTransactions transactions, ContactRepository contacts,
      List<ErasureParticipant> participants, HashedSuppressionList suppressionList,
      ErasureReceiptRepository receipts, IdGenerator ids, Clock clock) {
    return new EraseContactService(transactions, contacts, participants, suppressionList, receipts, ids, clock);
  }

  @Provides
  @Singleton
  ListErasureReceiptsUseCase listReceipts(WorkspaceTransactions transactions, ErasureReceiptRepository receipts) {
    return new ListErasureReceiptsService(transactions, receipts);
  }
}
