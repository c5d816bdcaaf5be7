package dev.custodian.crm.core.customfield.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.customfield.CustomField;

/** Use case: change a custom field definition's label, sensitivity or options. */
@FunctionalInterface
public interface UpdateCustomFieldUseCase {

  /**
   * @throws dev.custodian.crm.core.common.error.NotFoundException for no such definition of the object type
   * @throws dev.custodian.crm.core.common.error.PreconditionFailedException when the version is not the current one
   */
  CustomField update(Actor actor, UpdateCustomFieldCommand command);
}
