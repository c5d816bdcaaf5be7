package dev.custodian.crm.core.company.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.customfield.port.in.WithCustom;

/** Use case: add a company to a workspace. */
public interface CreateCompanyUseCase {

  /**
   * @throws dev.custodian.crm.core.common.error.NotFoundException when the workspace does not exist
   * @throws dev.custodian.crm.core.common.error.ConflictException {@code DUPLICATE} when another
   *     company of the workspace has the domain
   */
  default Company create(Actor actor, CreateCompanyCommand command) {
    return create(actor, WithCustom.of(command.workspace(), command));
  }

  /**
   * Adds the company with its custom values, checked against the workspace's company fields.
   *
   * @throws dev.custodian.crm.core.common.error.ValidationException naming every bad built-in and
   *     custom field ({@code custom/<key>}) at once
   * @throws dev.custodian.crm.core.common.error.ConflictException {@code SUPPRESSED} when a custom
   *     EMAIL or PHONE value was erased at the person's request
   */
  Company create(Actor actor, WithCustom<CreateCompanyCommand> input);
}
