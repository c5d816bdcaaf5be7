package dev.custodian.crm.app.customfield;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.custodian.crm.core.customfield.port.in.CustomFieldUseCases;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.customfield.CustomFieldApi;
import dev.custodian.crm.privacy.Custodian;

/** Wiring: the custom field feature, its use cases from {@link Custodian} and its routes. */
public final class CustomFieldModule extends AbstractModule {

  @Provides
  CustomFieldUseCases useCases(Custodian custodian) {
    return custodian.customFields();
  }

  @ProvidesIntoSet
  RouteGroup routes(CustomFieldUseCases useCases) {
    return CustomFieldApi.routes(useCases);
  }
}
