package dev.custodian.crm.http.export;

import java.time.Duration;
import java.util.Objects;

/**
 * How much exporting an instance allows: exports at once, and how long one may stream.
 */
record ExportLimits(int maxConcurrent, Duration maxDuration) {

  ExportLimits {
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("maxConcurrent must be at least 1");
    }
    Objects.requireNonNull(maxDuration, "maxDuration");
    if (maxDuration.isNegative() || maxDuration.isZero()) {
      throw new IllegalArgumentException("maxDuration must be positive");
    }
  }
}
