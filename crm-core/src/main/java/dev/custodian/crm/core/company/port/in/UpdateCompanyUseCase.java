package dev.custodian.crm.core.company.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.customfield.port.in.WithCustom;

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
  default Company update(Actor actor, UpdateCompanyCommand command) {
    return update(actor, WithCustom.of(command.workspace(), command));
  }

  /**
   * Changes the company's fields and custom values (a {@code null} value clears its key; a key not
   * given keeps its value), checked against the workspace's company fields.
   *
   * @throws dev.custodian.crm.core.common.error.ValidationException naming every bad built-in and
   *     custom field ({@code custom/<key>}) at once
   * @throws dev.custodian.crm.core.common.error.ConflictException {@code SUPPRESSED} when a custom
   *     EMAIL or PHONE value the change adds was erased at the person's request
   * @throws dev.custodian.crm.core.common.error.ValidationException also naming {@code custom/<key>}
   *     when its field (or a chosen option) was deleted meanwhile, as an unknown key: nothing is stored
   */
  Company update(Actor actor, WithCustom<UpdateCompanyCommand> input);
}
