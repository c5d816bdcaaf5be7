package dev.custodian.crm.app.imports;

import java.time.Duration;
import java.util.Objects;

/**
 * The imports of this instance.
 *
 * @param workersEnabled whether this instance runs workers ({@code CRM_IMPORT_WORKERS_ENABLED})
 * @param workers worker threads ({@code CRM_IMPORT_WORKERS}, 1 to 32)
 * @param batchSize staged rows per batch, one transaction each ({@code CRM_IMPORT_BATCH_SIZE}, 1 to 10,000)
 * @param maxBytes the largest file an upload may send ({@code CRM_IMPORT_MAX_BYTES})
 * @param lease how long a claim holds a job without a batch renewing it ({@code CRM_IMPORT_LEASE})
 * @param pollInterval how often an idle worker looks for work ({@code CRM_IMPORT_POLL_INTERVAL})
 */
public record ImportConfig(boolean workersEnabled, int workers, int batchSize, long maxBytes, Duration lease,
    Duration pollInterval) {

  public static final ImportConfig DEFAULT = new ImportConfig(true, 2, 1000, 512L * 1024 * 1024,
      Duration.ofMinutes(1), Duration.ofSeconds(1));

  public ImportConfig {
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(pollInterval, "pollInterval");
  }
}
