package dev.custodian.crm.core.deal.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.common.paging.Filter;
import dev.custodian.crm.core.deal.PipelineSummary;
import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.List;

/** Use case: what a pipeline's deals add up to, stage by stage and currency by currency. */
@FunctionalInterface
public interface PipelineSummaryUseCase {

  /**
   * The summary of the pipeline's deals that pass {@code filters}: the deal list's, read by
   * {@code ListQuery.filtersOf(v, DealListing.SUMMARY_OFFER, parameters)}.
   *
   * @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace or pipeline
   */
  PipelineSummary summary(Actor actor, WorkspaceId workspace, PipelineId pipeline, List<Filter> filters);

  /** The summary of all the pipeline's deals. */
  default PipelineSummary summary(Actor actor, WorkspaceId workspace, PipelineId pipeline) {
    return summary(actor, workspace, pipeline, List.of());
  }
}
