package dev.custodian.crm.app.company;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.custodian.crm.core.company.port.in.CompanyUseCases;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.company.CompanyApi;
import dev.custodian.crm.privacy.Custodian;

/** Wiring: the company feature, its use cases from {@link Custodian} and its routes. */
public final class CompanyModule extends AbstractModule {

  @Provides
  CompanyUseCases useCases(Custodian custodian) {
    return custodian.companies();
  }

  @ProvidesIntoSet
  RouteGroup routes(CompanyUseCases useCases) {
    return CompanyApi.routes(useCases);
  }
}
