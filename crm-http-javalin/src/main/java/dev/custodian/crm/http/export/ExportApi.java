package dev.custodian.crm.http.export;

import dev.custodian.crm.core.export.port.in.ExportListUseCase;
import dev.custodian.crm.core.export.port.in.ExportWorkspaceUseCase;
import dev.custodian.crm.core.myexport.port.in.ExportMyDataUseCase;
import dev.custodian.crm.http.RouteGroup;
import java.time.Clock;
import java.time.Duration;

/** HTTP adapter: the export routes: each list's, and the whole workspace's. */
public final class ExportApi {

  private ExportApi() {}

  /**
   * @param maxConcurrent exports running at once on this instance ({@code CRM_EXPORT_MAX_CONCURRENT});
   *     one more is a 503 {@code /problems/busy}
   * @param maxDuration how long one export may stream ({@code CRM_EXPORT_MAX_DURATION}); past it, the
   *     stream is cut (it reads as broken, never as a whole file)
   */
  public static RouteGroup routes(ExportListUseCase lists, ExportWorkspaceUseCase workspace, int maxConcurrent,
      Duration maxDuration, Clock clock) {
    return new ExportRoutes(lists, workspace, new ExportLimits(maxConcurrent, maxDuration), clock);
  }

  /** {@code GET /api/v1/me/export}: the signed-in account's own data as a ZIP (3 an hour, audited). */
  public static RouteGroup myData(ExportMyDataUseCase useCase) {
    return new MyDataRoutes(useCase);
  }
}
