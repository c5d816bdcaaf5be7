package dev.custodian.crm.core.retention.port.in;

import dev.custodian.crm.core.retention.RetentionReport;

/**
 * In-port: the retention engine (RET-03, RET-12). A run finds what the data map's rules make due
 * by the clock, and deletes it tenant by tenant in short batches; the due rows are the state, so a
 * run that dies is finished by the next one, and several instances may run at once.
 */
public interface RunRetentionUseCase {

  /** Deletes what is due now; answers what it deleted. */
  RetentionReport run();

  /** Deletes nothing and changes no row; answers what {@link #run()} would delete now, per workspace and step. */
  RetentionReport dryRun();
}
