package dev.custodian.crm.http.export;

import dev.custodian.crm.core.export.port.in.ExportListUseCase;
import dev.custodian.crm.core.export.port.in.ExportWorkspaceUseCase;
import dev.custodian.crm.http.RouteGroup;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** HTTP adapter: the export routes: each list's, and the whole workspace's. */
public final class ExportApi {

  private ExportApi() {}

  /**
   * How much exporting an instance allows.
   *
   * @param maxConcurrent exports running at once on this instance ({@code CRM_EXPORT_MAX_CONCURRENT});
   *     one more is a 503 {@code /problems/busy}
   * @param maxDuration how long one export may stream ({@code CRM_EXPORT_MAX_DURATION}); past it, the
   *     stream is cut (it reads as broken, never as a whole file)
   */
  public record Limits(int maxConcurrent, Duration maxDuration) {

    public static final Limits DEFAULT = new Limits(2, Duration.ofMinutes(30));

    public Limits {
      if (maxConcurrent < 1) {
        throw new IllegalArgumentException("maxConcurrent must be at least 1");
      }
      Objects.requireNonNull(maxDuration, "maxDuration");
      if (maxDuration.isNegative() || maxDuration.isZero()) {
        throw new IllegalArgumentException("maxDuration must be positive");
      }
    }
  }

  public static RouteGroup routes(ExportListUseCase lists, ExportWorkspaceUseCase workspace, Limits limits,
      Clock clock) {
    return new ExportRoutes(lists, workspace, limits, clock);
  }
}
