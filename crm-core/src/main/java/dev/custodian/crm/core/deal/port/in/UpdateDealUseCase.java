package dev.custodian.crm.core.deal.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.deal.Deal;

/** Use case: change some fields of a deal, moving it to another stage if asked, unless someone else changed it first. */
public interface UpdateDealUseCase {

  /**
   * @return the deal as stored after the change
   * @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace or deal
   * @throws dev.custodian.crm.core.common.error.PreconditionFailedException when the expected
   *     version is stale
   * @throws dev.custodian.crm.core.common.error.ValidationException for a pipeline, stage, company
   *     or contact not of the workspace, or a stage not of the deal's (new) pipeline
   */
  Deal update(Actor actor, UpdateDealCommand command);
}
