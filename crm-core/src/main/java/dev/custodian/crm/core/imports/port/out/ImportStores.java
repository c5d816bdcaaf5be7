package dev.custodian.crm.core.imports.port.out;

import java.util.Objects;

/** The out-ports of imports, together, as a persistence adapter hands them over. */
public record ImportStores(ImportJobRepository jobs, ImportQueue queue, ImportTargets targets) {

  public ImportStores {
    Objects.requireNonNull(jobs, "jobs");
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(targets, "targets");
  }
}
