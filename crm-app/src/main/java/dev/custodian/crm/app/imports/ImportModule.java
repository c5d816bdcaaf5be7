package dev.custodian.crm.app.imports;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.custodian.crm.core.imports.port.in.ImportUseCases;
import dev.custodian.crm.core.imports.service.ImportSettings;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.imports.ImportApi;
import dev.custodian.crm.privacy.Custodian;
import java.util.Objects;

/** Wiring: the import use cases from {@link Custodian}, with this instance's batch size and lease, and their routes. */
public final class ImportModule extends AbstractModule {

  private final ImportConfig config;

  public ImportModule(ImportConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), ImportSettings.class).setBinding()
        .toInstance(new ImportSettings(config.batchSize(), config.lease()));
  }

  @Provides
  ImportUseCases useCases(Custodian custodian) {
    return custodian.imports();
  }

  @ProvidesIntoSet
  RouteGroup routes(ImportUseCases useCases) {
    return ImportApi.routes(useCases, config.maxBytes());
  }
}
