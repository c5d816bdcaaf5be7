package dev.custodian.crm.app.export;

import java.time.Duration;
import java.util.Objects;

/**
 * The export limits of this instance.
 *
 * @param maxConcurrent exports streaming at once ({@code CRM_EXPORT_MAX_CONCURRENT}, 1 to 64)
 * @param maxDuration how long one may stream ({@code CRM_EXPORT_MAX_DURATION}, PT1S to PT24H)
 */
public record ExportConfig(int maxConcurrent, Duration maxDuration) {

  public static final ExportConfig DEFAULT = new ExportConfig(2, Duration.ofMinutes(30));

  public ExportConfig {
    Objects.requireNonNull(maxDuration, "maxDuration");
  }
}
