package dev.custodian.crm.core.imports.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How workers run imports.
 *
 * @param batchSize staged rows per batch, one transaction each ({@code CRM_IMPORT_BATCH_SIZE})
 * @param lease how long a claim holds a job without a batch renewing it; a worker that stopped
 *     leaves its job to another after it
 */
public record ImportSettings(int batchSize, Duration lease) {

  public static final ImportSettings DEFAULT = new ImportSettings(1000, Duration.ofMinutes(1));

  public ImportSettings {
    if (batchSize < 1 || batchSize > 10_000) {
      throw new IllegalArgumentException("a batch holds 1 to 10000 rows");
    }
    Objects.requireNonNull(lease, "lease");
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("a lease lasts a while");
    }
  }
}
