package dev.custodian.crm.core.company.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.company.Company;

/** Use case: change some fields of a company, unless someone else changed it first. */
public interface UpdateCompanyUseCase {

  /**
   * @return the company as stored after the change
   * @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace or company
   * @throws dev.custodian.crm.core.common.error.PreconditionFailedException when the expected
   *     version is stale
   * @throws dev.custodian.crm.core.common.error.ConflictException {@code DUPLICATE} when the new
   *     domain is another company's
   */
  Company update(Actor actor, UpdateCompanyCommand command);
}
