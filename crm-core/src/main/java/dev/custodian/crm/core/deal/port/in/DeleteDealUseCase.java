package dev.custodian.crm.core.deal.port.in;

import dev.custodian.crm.core.access.Actor;

/** Use case: delete a deal (a hard delete) with its contact links and its stage history. */
public interface DeleteDealUseCase {

  /**
   * @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace or deal
   * @throws dev.custodian.crm.core.common.error.PreconditionFailedException when the expected
   *     version is stale
   */
  void delete(Actor actor, DeleteDealCommand command);
}
