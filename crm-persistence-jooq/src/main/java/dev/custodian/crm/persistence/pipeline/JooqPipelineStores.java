package dev.custodian.crm.persistence.pipeline;

import dev.custodian.crm.core.pipeline.port.out.PipelineRepository;
import dev.custodian.crm.persistence.common.JooqTransactions;

/** Persistence adapter, the pipeline feature's entry: its repository over the adapter's {@link JooqTransactions}. */
public final class JooqPipelineStores {

  private JooqPipelineStores() {}

  public static PipelineRepository pipelines(JooqTransactions transactions) {
    return new JooqPipelineRepository(transactions);
  }
}
