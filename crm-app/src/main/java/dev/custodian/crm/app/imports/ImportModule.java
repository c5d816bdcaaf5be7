package dev.custodian.crm.app.imports;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.custodian.crm.core.imports.ImportJob;
import dev.custodian.crm.core.imports.ImportState;
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
    bind(ImportWakeups.class).toInstance(new ImportWakeups());
    OptionalBinder.newOptionalBinder(binder(), ImportSettings.class).setBinding()
        .toInstance(new ImportSettings(config.batchSize(), config.lease()));
  }

  /** The use cases, an upload that queued a job waking a worker of this instance. */
  @Provides
  ImportUseCases useCases(Custodian custodian, ImportWakeups wakeups) {
    ImportUseCases imports = custodian.imports();
    return new ImportUseCases((actor, command, rows) -> {
      ImportJob job = imports.start().start(actor, command, rows);
      if (job.state() == ImportState.QUEUED) {
        wakeups.jobQueued();
      }
      return job;
    }, imports.get(), imports.list(), imports.cancel(), imports.errors());
  }

  @ProvidesIntoSet
  RouteGroup routes(ImportUseCases useCases) {
    return ImportApi.routes(useCases, config.maxBytes());
  }
}
