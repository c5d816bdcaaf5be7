package dev.custodian.crm.core.company.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.company.Company;

/** Use case: add a company to a workspace. */
public interface CreateCompanyUseCase {

  /**
   * @throws dev.custodian.crm.core.common.error.NotFoundException when the workspace does not exist
   * @throws dev.custodian.crm.core.common.error.ConflictException {@code DUPLICATE} when another
   *     company of the workspace has the domain
   */
  Company create(Actor actor, CreateCompanyCommand command);
}
