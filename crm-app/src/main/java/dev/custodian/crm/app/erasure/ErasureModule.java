package dev.custodian.crm.app.erasure;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.contact.port.out.SuppressionList;
import dev.custodian.crm.core.erasure.ErasureParticipant;
import dev.custodian.crm.core.erasure.port.out.ErasureReceiptRepository;
import dev.custodian.crm.core.erasure.port.out.SuppressionEntryRepository;
import dev.custodian.crm.core.keys.port.out.KeyProvider;
import dev.custodian.crm.core.tenancy.WorkspaceTransactions;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.erasure.ErasureApi;
import dev.custodian.crm.persistence.JooqPersistence;
import dev.custodian.crm.persistence.erasure.JooqErasureStores;
import dev.custodian.crm.privacy.erasure.port.in.ErasureUseCases;
import dev.custodian.crm.privacy.erasure.service.ErasureServices;
import dev.custodian.crm.privacy.suppression.HashedSuppressionList;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Wiring: erasure and the suppression list. The contact record always takes part in an erasure;
 * every other store that holds a contact's personal data joins by binding an
 * {@link ErasureParticipant} into the set ({@code @ProvidesIntoSet} in its own feature's module).
 */
public final class ErasureModule extends AbstractModule {

  @Override
  protected void configure() {
    Multibinder.newSetBinder(binder(), ErasureParticipant.class); // may stay empty
  }

  @Provides
  @Singleton
  SuppressionEntryRepository suppressionEntries(JooqPersistence persistence) {
    return JooqErasureStores.suppressionEntries(persistence);
  }

  @Provides
  @Singleton
  ErasureReceiptRepository receipts(JooqPersistence persistence) {
    return JooqErasureStores.receipts(persistence);
  }

  @Provides
  @Singleton
  SuppressionList suppressionList(SuppressionEntryRepository entries, KeyProvider keys) {
    return new HashedSuppressionList(entries, keys);
  }

  @Provides
  @Singleton
  ErasureUseCases useCases(WorkspaceTransactions transactions, ContactRepository contacts,
      SuppressionList suppressionList, ErasureReceiptRepository receipts,
      Set<ErasureParticipant> otherParticipants, IdGenerator ids, Clock clock) {
    return ErasureServices.create(transactions, contacts, suppressionList, receipts,
        List.copyOf(otherParticipants), ids, clock);
  }

  @ProvidesIntoSet
  RouteGroup routes(ErasureUseCases useCases) {
    return ErasureApi.routes(useCases);
  }
}
