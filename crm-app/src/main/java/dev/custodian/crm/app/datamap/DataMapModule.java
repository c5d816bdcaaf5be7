package dev.custodian.crm.app.datamap;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.custodian.crm.core.datamap.DataMap;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.datamap.DataMapApi;

/** Wiring: the data map's route over the product's declarations. */
public final class DataMapModule extends AbstractModule {

  @ProvidesIntoSet
  RouteGroup routes() {
    return DataMapApi.routes(DataMap.standard());
  }
}
