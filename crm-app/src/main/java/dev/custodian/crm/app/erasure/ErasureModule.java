package dev.custodian.crm.app.erasure;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.erasure.ErasureApi;
import dev.custodian.crm.privacy.Custodian;
import dev.custodian.crm.privacy.erasure.port.in.ErasureUseCases;

/**
 * Wiring: erasure and its receipts, from {@link Custodian} and its routes. The contact record
 * always takes part in an erasure; every other store that holds a contact's personal data joins
 * by binding an {@code ErasureParticipant} into the set ({@code @ProvidesIntoSet} in its own
 * feature's module).
 */
public final class ErasureModule extends AbstractModule {

  @Provides
  ErasureUseCases useCases(Custodian custodian) {
    return custodian.erasure();
  }

  @ProvidesIntoSet
  RouteGroup routes(ErasureUseCases useCases) {
    return ErasureApi.routes(useCases);
  }
}
