package dev.custodian.crm.core.company.port.in;

import dev.custodian.crm.core.access.Actor;

/**
 * Use case: delete a company (a hard delete). The contacts that work for it stay, no longer
 * linked to it; the unlinking and the delete are one transaction.
 */
public interface DeleteCompanyUseCase {

  /**
   * @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace or company
   * @throws dev.custodian.crm.core.common.error.PreconditionFailedException when the expected
   *     version is stale
   */
  void delete(Actor actor, DeleteCompanyCommand command);
}
