package dev.custodian.crm.core.retention.port.in;

import dev.custodian.crm.core.retention.RetentionRun;
import java.util.List;

/** In-port: the history of the retention engine's real runs, for operators. */
public interface ListRetentionRunsUseCase {

  /** Up to {@code limit} runs, the latest first. */
  List<RetentionRun> recent(int limit);
}
