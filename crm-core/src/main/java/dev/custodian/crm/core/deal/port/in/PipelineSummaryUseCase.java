package dev.custodian.crm.core.deal.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.deal.PipelineSummary;
import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/** Use case: what a pipeline's deals add up to, stage by stage and currency by currency. */
@FunctionalInterface
public interface PipelineSummaryUseCase {

  /** @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace or pipeline */
  PipelineSummary summary(Actor actor, WorkspaceId workspace, PipelineId pipeline);
}
