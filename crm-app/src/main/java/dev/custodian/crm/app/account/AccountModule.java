package dev.custodian.crm.app.account;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.custodian.crm.core.account.port.in.AccountUseCases;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.account.AccountApi;
import dev.custodian.crm.privacy.Custodian;

/** Wiring: the account feature, its use cases from {@link Custodian} and its routes. */
public final class AccountModule extends AbstractModule {

  @Provides
  AccountUseCases useCases(Custodian custodian) {
    return custodian.accounts();
  }

  @ProvidesIntoSet
  RouteGroup routes(AccountUseCases useCases) {
    return AccountApi.routes(useCases);
  }
}
