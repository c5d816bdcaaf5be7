package dev.custodian.crm.core.deal.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.deal.Deal;

/** Use case: add a deal to a workspace, recording its first stage in its history. */
public interface CreateDealUseCase {

  /**
   * @throws dev.custodian.crm.core.common.error.NotFoundException when the workspace does not exist
   * @throws dev.custodian.crm.core.common.error.ValidationException naming {@code pipelineId},
   *     {@code stageId}, {@code companyId} or {@code contactIds} when they are not of the workspace
   *     (or the stage not of the pipeline)
   */
  Deal create(Actor actor, CreateDealCommand command);
}
