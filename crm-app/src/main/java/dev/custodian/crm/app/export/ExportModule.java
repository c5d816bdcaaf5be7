package dev.custodian.crm.app.export;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.custodian.crm.core.export.port.in.ExportListUseCase;
import dev.custodian.crm.core.export.port.in.ExportWorkspaceUseCase;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.export.ExportApi;
import dev.custodian.crm.privacy.Custodian;
import java.time.Clock;
import java.util.Objects;

/** Wiring: the list exports, the full export and an account's own data export, from {@link Custodian}, and their routes with this instance's limits. */
public final class ExportModule extends AbstractModule {

  private final ExportConfig limits;

  public ExportModule(ExportConfig limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  @Provides
  ExportListUseCase useCases(Custodian custodian) {
    return custodian.exports();
  }

  @Provides
  ExportWorkspaceUseCase workspaceExport(Custodian custodian) {
    return custodian.workspaceExport();
  }

  @ProvidesIntoSet
  RouteGroup routes(ExportListUseCase useCases, ExportWorkspaceUseCase workspaceExport, Clock clock) {
    return ExportApi.routes(useCases, workspaceExport, limits.maxConcurrent(), limits.maxDuration(), clock);
  }

  @ProvidesIntoSet
  RouteGroup myDataRoutes(Custodian custodian) {
    return ExportApi.myData(custodian.myDataExport());
  }
}
